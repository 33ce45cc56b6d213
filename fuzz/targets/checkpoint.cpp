// Checkpoints as `train --resume` reads them: the header (configuration and counters), then the
// networks, the averaged generator and both optimisers' state into a run built from that
// configuration. Two targets: the file as it lies on disk, where the checksum stops almost
// every change, and the LibTorch archive inside, sealed with a valid trailer, so that the
// reader behind the checksum is reached too (a file made on purpose passes the checksum).
#include <torch/torch.h>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/config/config.h"
#include "wgan/core/atomic_file.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/optimizer_factory.h"

namespace wgan::fuzz {
namespace {

// What Trainer::restore does: a run of the checkpoint's own configuration, then the state.
void resume_from(const std::string& path) {
  CheckpointState state;
  state.config = read_checkpoint_header(path).config;
  state.networks = make_networks(state.config);
  const auto optimizer_d = make_optimizer(state.config.optimizer_d, state.networks.critic->parameters());
  const auto optimizer_g = make_optimizer(state.config.optimizer_g, state.networks.generator->parameters());
  state.optimizer_d = optimizer_d.get();
  state.optimizer_g = optimizer_g.get();
  load_checkpoint_into(path, state);
}

// A checkpoint of a small 2-D run after one optimiser step (so Adam's state is not empty).
std::string small_checkpoint(bool averaged, const std::string& optimizer) {
  TrainConfig config;
  config.g_width = config.d_width = 4;
  config.g_depth = config.d_depth = 1;
  config.g_ema = averaged;
  config.optimizer_d.name = config.optimizer_g.name = choice_named<OptimizerKind>(optimizer);
  resolve_automatic_choices(config);
  CheckpointState state;
  state.config = config;
  state.networks = make_networks(config);
  auto optimizer_d = make_optimizer(config.optimizer_d, state.networks.critic->parameters());
  auto optimizer_g = make_optimizer(config.optimizer_g, state.networks.generator->parameters());
  for (auto* network : {state.networks.critic.get(), state.networks.generator.get()}) {
    torch::Tensor sum = torch::zeros({});
    for (const auto& p : network->parameters()) sum = sum + p.sum();
    sum.backward();
  }
  optimizer_d->step();
  optimizer_g->step();
  state.optimizer_d = optimizer_d.get();
  state.optimizer_g = optimizer_g.get();
  state.counters.iteration = 1;
  const std::string path = scratch_dir() + "/seed.pt";
  save_checkpoint(path, state);
  return read_text_file(path);
}

}  // namespace

void read_checkpoint_file(std::string_view input) { resume_from(write_scratch("ckpt.pt", input)); }

void read_checkpoint_archive(std::string_view input) {
  resume_from(write_scratch("ckpt.pt", seal_checkpoint(std::string(input))));
}

void write_checkpoint_file_seeds(const std::string& dir) {
  write_file(dir, "adam_averaged", small_checkpoint(true, "adam"));
  write_file(dir, "rmsprop", small_checkpoint(false, "rmsprop"));
}

void write_checkpoint_archive_seeds(const std::string& dir) {
  for (const auto& [name, averaged, optimizer] :
       {std::tuple{"adam_averaged", true, "adam"}, std::tuple{"rmsprop", false, "rmsprop"}}) {
    std::string file = small_checkpoint(averaged, optimizer);
    file.resize(file.size() - kCheckpointTrailerBytes);
    write_file(dir, name, file);
  }
}

}  // namespace wgan::fuzz

// wgan train: options -> resolved TrainConfig -> run directory -> run_training.
//
// Resolution order: the demo preset when neither --preset nor --loss is given (so a bare
// `wgan train` runs the demo), otherwise the preset or the defaults of --loss; then every flag
// the user gave, in the order registered here.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include "wgan/cli/commands.h"
#include "wgan/cli/launcher.h"
#include "wgan/cli/validators.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/dist/process_group.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/config.h"
#include "wgan/train/presets.h"
#include "wgan/train/run.h"
#include "wgan/train/run_directory.h"

namespace wgan::cli {
namespace {

// Binds options to a scratch configuration and remembers how to copy each given value onto
// the resolved one, so that defaults, preset and flags compose in a fixed order.
class TrainOptions {
 public:
  explicit TrainOptions(CLI::App* app) : app_(app) {}

  template <typename Field>
  CLI::Option* bind(const std::string& flags, Field field, const std::string& help) {
    CLI::Option* option = app_->add_option(flags, field(given_), help);
    copies_.push_back({option, [this, field](TrainConfig& to) { field(to) = field(given_); }});
    return option;
  }
  // One flag for both networks, parsed into a scratch of its own (so that --lr and --lr-d do
  // not share storage) and copied to both.
  template <typename FieldD, typename FieldG>
  CLI::Option* bind_both(const std::string& flags, FieldD d, FieldG g, const std::string& help) {
    CLI::Option* option = app_->add_option(flags, d(given_both_), help);
    copies_.push_back({option, [this, d, g](TrainConfig& to) { d(to) = g(to) = d(given_both_); }});
    return option;
  }
  CLI::Option* flag(const std::string& flags, bool TrainConfig::*field, const std::string& help) {
    CLI::Option* option = app_->add_flag(flags, given_.*field, help);
    copies_.push_back({option, [this, field](TrainConfig& to) { to.*field = given_.*field; }});
    return option;
  }

  TrainConfig resolve() const {
    TrainConfig config;
    apply_loss_defaults(config);
    const bool loss_given = app_->get_option("--loss")->count() > 0;
    const bool image_data = app_->get_option("--dataset")->count() > 0 && !is_toy_dataset(given_.dataset);
    if (!preset_.empty())
      apply_preset(preset_, config);
    else if (!loss_given && !image_data)
      apply_preset("demo", config);
    if (loss_given) {
      config.loss = given_.loss;
      apply_loss_defaults(config);
    }
    for (const auto& [option, copy] : copies_)
      if (option->count() > 0) copy(config);
    if (app_->get_option("--clip")->count() > 0) {
      if (clip_text_ == "none") {
        config.clip_enabled = false;
      } else {
        try {
          size_t used = 0;
          config.clip = std::stod(clip_text_, &used);
          if (used != clip_text_.size()) throw std::invalid_argument(clip_text_);
          config.clip_enabled = true;
        } catch (const std::exception&) {
          throw UsageError("--clip: expected a positive number or 'none', got '" + clip_text_ + "'");
        }
      }
    }
    resolve_automatic_choices(config);
    validate(config);
    return config;
  }

  // --resume: the checkpoint's configuration, with only the options that cannot change the
  // result given again.
  TrainConfig resume_config() const {
    static const std::vector<std::string> allowed = {
        "--resume",     "--iters",      "--log-every", "--print-every", "--eval-every",
        "--checkpoint-every", "--keep-checkpoints", "--sample-every", "--grid-normalize", "--threads", "--quiet",
        "--data",       "--data-cache", "--features",
        "--nproc", "--world-size", "--rank", "--master-addr", "--master-port", "--dist-timeout"};
    for (const CLI::Option* option : app_->get_options()) {
      if (option->count() == 0) continue;
      const std::string name = option->get_name();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        throw UsageError(name + " cannot be given with --resume (the run keeps its configuration); "
                         "allowed: " + join(allowed));
    }
    const std::string checkpoint = latest_checkpoint(resume_);
    if (checkpoint.empty())
      throw UsageError("--resume " + resume_ + ": no checkpoint in " + resume_ +
                       "/checkpoints; expected a run directory");
    const CheckpointState state = load_checkpoint(checkpoint);
    TrainConfig config = state.config;
    const int64_t done = state.counters.iteration;
    for (const auto& [option, copy] : copies_)
      if (option->count() > 0) copy(config);
    if (config.iters <= done)
      throw UsageError("--resume " + resume_ + ": the run has done " + std::to_string(done) +
                       " of " + std::to_string(config.iters) +
                       " iterations; raise --iters to continue it");
    validate(config);
    return config;
  }

  bool sub_given(const std::string& name) const { return app_->get_option(name)->count() > 0; }
  std::string preset_, out_, clip_text_, resume_;
  int64_t nproc_ = 1;
  DistOptions dist_;

  // Throws UsageError for an impossible combination of the data-parallel flags.
  void validate_distributed() const {
    if (nproc_ < 1) throw UsageError("--nproc: expected a positive integer, got " + std::to_string(nproc_));
    if (dist_.world_size < 1)
      throw UsageError("--world-size: expected a positive integer, got " + std::to_string(dist_.world_size));
    if (dist_.rank < 0 || dist_.rank >= dist_.world_size)
      throw UsageError("--rank " + std::to_string(dist_.rank) + ": expected 0 to " +
                       std::to_string(dist_.world_size - 1) + " (--world-size " +
                       std::to_string(dist_.world_size) + ")");
    if (nproc_ > 1 && dist_.world_size > 1)
      throw UsageError("--nproc " + std::to_string(nproc_) + " with --world-size " + std::to_string(dist_.world_size) +
                       ": --nproc starts the ranks of one machine itself; expected one of the two");
    if (dist_.master_port < 0 || dist_.master_port > 65535)
      throw UsageError("--master-port: expected 1 to 65535, got " + std::to_string(dist_.master_port));
    if (!(dist_.timeout_s > 0))
      throw UsageError("--dist-timeout: expected a positive number of seconds, got " + std::to_string(dist_.timeout_s));
    if ((nproc_ > 1 || dist_.world_size > 1) && !ProcessGroup::available())
      throw UsageError("--nproc/--world-size: this wgan was built without c10d/Gloo (install libgloo-dev "
                       "and rebuild); expected a single process");
  }

 private:
  CLI::App* app_;
  TrainConfig given_, given_both_;
  std::vector<std::pair<CLI::Option*, std::function<void(TrainConfig&)>>> copies_;
};

std::string choices(const std::vector<std::string>& names) { return " (" + join(names, "|") + ")"; }

}  // namespace

Action add_train_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("train", "train a GAN (bare: the demo preset, WGAN-GP on 25 Gaussians)");
  auto options = std::make_shared<TrainOptions>(sub);
  using C = TrainConfig;
  auto& o = *options;
  sub->add_option("--preset", o.preset_, "named configuration; see 'wgan presets'");
  sub->add_option("--out", o.out_, "run directory to create (default: runs/NNNNN-<dataset>-<loss>)");
  o.bind("--dataset", [](C& c) -> auto& { return c.dataset; }, "data" + choices(dataset_names()));
  o.bind("--loss", [](C& c) -> auto& { return c.loss; }, "objective" + choices(loss_names()));
  o.bind("--data", [](C& c) -> auto& { return c.data_dir; }, "directory of an image dataset");
  o.bind("--split", [](C& c) -> auto& { return c.split; }, "dataset split" + choices(split_names()));
  o.bind("--image-size", [](C& c) -> auto& { return c.image_size; }, "resize images to this size (0: the dataset's own)");
  o.bind("--channels", [](C& c) -> auto& { return c.channels; }, "convert images to 1 or 3 channels (0: the dataset's own)");
  o.bind("--data-cache", [](C& c) -> auto& { return c.data_cache; }, "cache of decoded image folders (default: .wgan-cache beside the run)");
  o.bind("--arch", [](C& c) -> auto& { return c.arch; }, "network family" + choices(arch_names()) + " (default: mlp for 2-D data, dcgan for images)");
  o.bind("--ngf", [](C& c) -> auto& { return c.ngf; }, "generator width of the image networks");
  o.bind("--ndf", [](C& c) -> auto& { return c.ndf; }, "critic width of the image networks");
  o.bind_both("--norm", [](C& c) -> auto& { return c.norm_d; },
              [](C& c) -> auto& { return c.norm_g; }, "normalisation of both networks" + choices(norm_names()));
  o.bind("--norm-g", [](C& c) -> auto& { return c.norm_g; }, "generator normalisation" + choices(norm_names()));
  o.bind("--norm-d", [](C& c) -> auto& { return c.norm_d; }, "critic normalisation" + choices(norm_names()));
  o.bind("--extra-layers", [](C& c) -> auto& { return c.extra_layers; }, "dcgan: extra 3x3 layers in both networks");
  o.flag("--allow-bn-critic", &C::allow_bn_critic, "allow a batch-norm critic under wgan-gp");
  o.bind("--sample-every", [](C& c) -> auto& { return c.sample_every; }, "iterations between sample grids (images) or critic maps (2-D data); 0: only at the end");
  o.bind("--grid-normalize", [](C& c) -> auto& { return c.grid_normalize; }, "grid pixels: range ((x+1)/2), batch or each (min-max, as make_grid(normalize=True))");
  o.bind("--iters", [](C& c) -> auto& { return c.iters; }, "generator iterations");
  o.bind("--batch-size", [](C& c) -> auto& { return c.batch_size; }, "samples per batch");
  o.bind("--n-critic", [](C& c) -> auto& { return c.n_critic; }, "critic steps per generator step");
  o.flag("--critic-warmup", &C::critic_warmup,
         "100 critic steps for the first 25 iterations and every 500th (reference WGAN code)");
  // Both networks first, then per network, so that --lr-d overrides --lr.
  o.bind_both("--optimizer", [](C& c) -> auto& { return c.optimizer_d.name; },
              [](C& c) -> auto& { return c.optimizer_g.name; }, "optimizer of both networks" + choices(optimizer_names()));
  o.bind_both("--lr", [](C& c) -> auto& { return c.optimizer_d.lr; },
              [](C& c) -> auto& { return c.optimizer_g.lr; }, "learning rate of both networks");
  o.bind_both("--beta1", [](C& c) -> auto& { return c.optimizer_d.beta1; },
              [](C& c) -> auto& { return c.optimizer_g.beta1; }, "Adam beta1 of both networks");
  o.bind_both("--beta2", [](C& c) -> auto& { return c.optimizer_d.beta2; },
              [](C& c) -> auto& { return c.optimizer_g.beta2; }, "Adam beta2 of both networks");
  o.bind_both("--weight-decay", [](C& c) -> auto& { return c.optimizer_d.weight_decay; },
              [](C& c) -> auto& { return c.optimizer_g.weight_decay; }, "L2 weight decay of both networks");
  o.bind("--optimizer-d", [](C& c) -> auto& { return c.optimizer_d.name; }, "critic optimizer");
  o.bind("--optimizer-g", [](C& c) -> auto& { return c.optimizer_g.name; }, "generator optimizer");
  o.bind("--lr-d", [](C& c) -> auto& { return c.optimizer_d.lr; }, "critic learning rate");
  o.bind("--lr-g", [](C& c) -> auto& { return c.optimizer_g.lr; }, "generator learning rate");
  o.bind("--beta1-d", [](C& c) -> auto& { return c.optimizer_d.beta1; }, "critic Adam beta1");
  o.bind("--beta1-g", [](C& c) -> auto& { return c.optimizer_g.beta1; }, "generator Adam beta1");
  o.bind("--beta2-d", [](C& c) -> auto& { return c.optimizer_d.beta2; }, "critic Adam beta2");
  o.bind("--beta2-g", [](C& c) -> auto& { return c.optimizer_g.beta2; }, "generator Adam beta2");
  o.bind("--weight-decay-d", [](C& c) -> auto& { return c.optimizer_d.weight_decay; }, "critic weight decay");
  o.bind("--weight-decay-g", [](C& c) -> auto& { return c.optimizer_g.weight_decay; }, "generator weight decay");
  o.bind("--lr-schedule", [](C& c) -> auto& { return c.lr_schedule; }, "learning-rate schedule" + choices(lr_schedule_names()));
  o.bind("--lr-decay", [](C& c) -> auto& { return c.lr_decay; }, "inverse-time decay: lr / (1 + decay * step)");
  sub->add_option("--clip", o.clip_text_, "WGAN weight clipping bound c, or 'none'");
  o.bind("--clip-scope", [](C& c) -> auto& { return c.clip_scope; }, "clip all critic parameters, or weights only (all|weights)");
  o.bind("--gp-lambda", [](C& c) -> auto& { return c.gp_lambda; }, "WGAN-GP penalty weight");
  o.bind("--nz", [](C& c) -> auto& { return c.nz; }, "noise dimension");
  o.bind("--noise", [](C& c) -> auto& { return c.noise; }, "noise distribution" + choices(noise_names()));
  o.bind("--g-width", [](C& c) -> auto& { return c.g_width; }, "generator MLP width");
  o.bind("--g-depth", [](C& c) -> auto& { return c.g_depth; }, "generator MLP hidden layers");
  o.bind("--d-width", [](C& c) -> auto& { return c.d_width; }, "critic MLP width");
  o.bind("--d-depth", [](C& c) -> auto& { return c.d_depth; }, "critic MLP hidden layers");
  o.bind("--activation", [](C& c) -> auto& { return c.activation; }, "MLP activation" + choices(activation_names()));
  o.bind("--toy-points", [](C& c) -> auto& { return c.toy_points; }, "fixed toy training set size (0: fresh samples per batch)");
  o.bind("--seed", [](C& c) -> auto& { return c.seed; }, "random seed (an integer >= 0)")
      ->check(non_negative_integer());
  o.bind("--threads", [](C& c) -> auto& { return c.threads; }, "CPU threads (0: all cores)");
  o.bind("--device", [](C& c) -> auto& { return c.device; }, "cpu, cuda, cuda:N or auto");
  o.bind("--log-every", [](C& c) -> auto& { return c.log_every; }, "iterations between metrics.jsonl records");
  o.bind("--print-every", [](C& c) -> auto& { return c.print_every; }, "iterations between console lines");
  o.bind("--eval-every", [](C& c) -> auto& { return c.eval_every; }, "iterations between evaluations (0: only at the end)");
  o.bind("--features", [](C& c) -> auto& { return c.features; }, "feature network for FID/KID of images (TorchScript: wgan classifier train, or Inception)");
  o.bind("--eval-samples", [](C& c) -> auto& { return c.eval_samples; }, "generated samples per evaluation");
  o.bind("--checkpoint-every", [](C& c) -> auto& { return c.checkpoint_every; }, "iterations between checkpoints (0: only the final one)");
  o.bind("--keep-checkpoints", [](C& c) -> auto& { return c.keep_checkpoints; }, "periodic checkpoints kept (the newest)");
  o.bind("--on-nan", [](C& c) -> auto& { return c.on_nan; }, "on a non-finite loss or gradient" + choices(on_nan_names()));
  o.flag("--quiet", &C::quiet, "print only the start and the summary");
  o.flag("--no-fast-paths{false}", &C::fast_paths,
         "the straightforward computation, for comparison (docs/performance.md)");
  o.bind("--precision", [](C& c) -> auto& { return c.precision; },
         "bf16: autocast the networks' products to bfloat16 (CPUs with AVX-512 BF16/AMX, GPUs)" + choices(precision_names()));
  sub->add_option("--resume", o.resume_, "continue the run in this directory from its newest checkpoint");
  // Data-parallel training (docs/distributed.md). --batch-size is per rank.
  sub->add_option("--nproc", o.nproc_, "data-parallel ranks to start on this machine (--batch-size is per rank)");
  sub->add_option("--world-size", o.dist_.world_size, "ranks of a multi-machine job (with --rank, --master-addr)");
  sub->add_option("--rank", o.dist_.rank, "this process's rank, 0 to world size - 1 (rank 0 writes the run)");
  sub->add_option("--master-addr", o.dist_.master_addr, "address of rank 0 (rendezvous through its TCPStore)");
  sub->add_option("--master-port", o.dist_.master_port, "port of rank 0's TCPStore");
  sub->add_option("--dist-timeout", o.dist_.timeout_s, "seconds a rank waits for the others before failing");

  return [options] {
    options->validate_distributed();
    const bool resuming = !options->resume_.empty();
    TrainConfig config = resuming ? options->resume_config() : options->resolve();
    if (options->nproc_ > 1) {
      LaunchOptions launch;
      launch.nproc = options->nproc_;
      launch.master_addr = options->dist_.master_addr;
      launch.master_port = options->sub_given("--master-port") ? options->dist_.master_port : 0;
      // The cores shared out among the ranks, unless --threads says otherwise.
      if (!options->sub_given("--threads"))
        launch.threads_per_rank = std::max<int64_t>(1, static_cast<int64_t>(std::thread::hardware_concurrency()) / launch.nproc);
      return launch_local_ranks(launch);
    }
    std::unique_ptr<ProcessGroup> group;
    if (options->dist_.world_size > 1) group = std::make_unique<ProcessGroup>(options->dist_);
    if (group && group->rank() != 0) {
      // Nothing is written by this rank; the run directory names the checkpoint to resume
      // from, or where rank 0 keeps the data cache.
      const std::string run_dir = resuming ? options->resume_ : options->out_.empty() ? "runs/rank" : options->out_;
      run_worker(config, run_dir, resuming, *group);
      return 0;
    }
    if (resuming) {
      write_text_atomically(options->resume_ + "/config.json", to_json(config).dump(2) + "\n");
      return run_training(config, options->resume_, std::cout, /*resume=*/true, group.get()), 0;
    }
    const bool existed = !options->out_.empty() && std::filesystem::exists(options->out_);
    const std::string run_dir = create_run_directory(config, options->out_);
    try {
      run_training(config, run_dir, std::cout, /*resume=*/false, group.get());
    } catch (const UsageError&) {
      // Bad input found once the run started (a corrupt data file): a run that never wrote a
      // checkpoint holds nothing worth keeping, so leave no half-made directory behind.
      if (!existed && latest_checkpoint(run_dir).empty()) std::filesystem::remove_all(run_dir);
      throw;
    }
    return 0;
  };
}

}  // namespace wgan::cli

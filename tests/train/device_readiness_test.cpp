// GPU readiness without a GPU: whole training iterations on LibTorch's `meta` device, whose
// tensors have shapes and no data. An operation that mixes in a tensor left on the CPU fails
// there ("expected all tensors to be on the same device"), as it would on a GPU, and so does a
// value read back to the host inside the step (item() has nothing to read). So each case below
// fails if the step creates a tensor on the CPU where it trains elsewhere, or reads a value
// back where it must not (under --on-nan stop the step reads nothing; skip reads by design).
//
// The cases cover both network families' kinds (MLPs on points, convolutions on images), each
// constraint, the averaged generator, augmentation and bf16. bf16 on `meta` checks placement
// only: autocast casts the tensors of its own device types, and `meta` is none of them.
//
// The C++ frontend's Module::to cannot move a module to `meta` (set_data accepts the dense
// backends only), so the networks' parameters and buffers are re-pointed at meta tensors of
// their shape in place first (what set_data does, without its check); the Trainer's own move
// to the device is then a no-op that must still work.
#include <gtest/gtest.h>

#include <string>

#include "../test_util.h"
#include "wgan/data/tensor_source.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/networks.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {

struct Case {
  std::string name;
  bool images = false;
  std::string loss = "wgan-gp", constraint = "auto";
  bool ema = false;
  std::string augment = "none";
  Precision precision = Precision::kFp32;
};

// ctest shows the case's name, not its bytes.
void PrintTo(const Case& k, std::ostream* out) { *out << k.name; }

TrainConfig config_of(const Case& k) {
  TrainConfig c;
  c.loss = k.loss;
  apply_loss_defaults(c);
  c.constraint = k.constraint;
  c.dataset = k.images ? std::string(kCustomDataset) : "gaussians8";
  c.image_size = k.images ? 16 : 0;
  c.channels = k.images ? 1 : 0;
  c.ngf = c.ndf = 4;
  c.g_width = c.d_width = 8;
  c.g_depth = c.d_depth = 1;
  c.batch_size = 4;
  c.n_critic = 2;
  c.g_ema = k.ema;
  c.g_ema_rampup = 0;
  c.augment = k.augment;
  c.precision = k.precision;
  if (k.images) c.arch = "dcgan";
  resolve_automatic_choices(c);
  return c;
}

// Every parameter and buffer of the networks becomes a meta tensor of its shape and type.
NetworkPair on_meta(NetworkPair networks) {
  for (NetworkImpl* network : {networks.generator.get(), networks.critic.get(), networks.averaged_generator.get()}) {
    if (!network) continue;
    for (auto& tensors : {network->parameters(), network->buffers()})
      for (const torch::Tensor& t : tensors) {
        const torch::Tensor meta = torch::empty(t.sizes(), t.options().device(torch::kMeta));
        t.unsafeGetTensorImpl()->shallow_copy_from(meta.getIntrusivePtr());
      }
  }
  return networks;
}

std::shared_ptr<BatchSource> data_of(const TrainConfig& c, bool images) {
  if (!images) return make_batch_source(c);
  return std::make_shared<TensorSource>(torch::randint(0, 256, {16, 1, 16, 16}, torch::kUInt8), c.seed);
}

// Whether this LibTorch runs a training step on `meta` at all (1.13 lacks meta kernels that
// 2.x has); the reason when it does not.
std::string meta_unsupported() {
  try {
    const Case plain{"plain"};
    const TrainConfig c = config_of(plain);
    Trainer trainer(c, on_meta(make_networks(c)), data_of(c, false), torch::Device(torch::kMeta));
    trainer.train_iteration();
    return "";
  } catch (const std::exception& e) {
    const std::string what = e.what();
    return what.substr(0, what.find('\n'));
  }
}

class OnTheMetaDevice : public ::testing::TestWithParam<Case> {};

TEST_P(OnTheMetaDevice, TwoIterationsKeepEveryTensorThereAndReadNothingBack) {
  static const std::string unsupported = meta_unsupported();
  if (!unsupported.empty()) GTEST_SKIP() << "this LibTorch trains nothing on meta: " << unsupported;
  const Case& k = GetParam();
  const TrainConfig c = config_of(k);
  Trainer trainer(c, on_meta(make_networks(c)), data_of(c, k.images), torch::Device(torch::kMeta));
  IterationStats stats;
  for (int i = 0; i < 2; ++i) stats = trainer.train_iteration();  // throws on a CPU tensor or a host read
  EXPECT_TRUE(stats.loss_d.is_meta() && stats.loss_g.is_meta());
  for (const auto& p : trainer.generator().parameters()) EXPECT_TRUE(p.is_meta());
  for (const auto& p : trainer.critic().parameters()) EXPECT_TRUE(p.is_meta());
  if (trainer.networks().averaged_generator)
    for (const auto& p : trainer.networks().averaged_generator->parameters()) EXPECT_TRUE(p.is_meta());
  EXPECT_EQ(trainer.nonfinite_watch().reads(), 0);
}

std::vector<Case> cases() {
  std::vector<Case> all;
  for (bool images : {false, true}) {
    const std::string kind = images ? "images_" : "points_";
    for (const std::string constraint : {"clip", "gp", "lp", "r1", "sn", "none"}) {
      Case k{kind + constraint, images};
      k.constraint = constraint;
      if (constraint == "clip") k.loss = "wgan";
      all.push_back(k);
    }
    Case gan{kind + "gan", images};
    gan.loss = "gan";
    all.push_back(gan);
    Case ema{kind + "ema", images};
    ema.ema = true;
    all.push_back(ema);
    Case bf16{kind + "bf16", images};
    bf16.precision = Precision::kBf16;
    all.push_back(bf16);
  }
  Case augment{"images_augment", true};
  augment.augment = "translation,cutout,color";
  all.push_back(augment);
  return all;
}

INSTANTIATE_TEST_SUITE_P(EveryPart, OnTheMetaDevice, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace wgan

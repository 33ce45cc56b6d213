// Every preset is a valid configuration and trains: one generator iteration each, on small data
// files the test writes in each preset's format (the seeds' data sets are not needed).
#include "wgan/config/presets.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../test_util.h"
#include "wgan/objectives/objective_registry.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/trainer.h"
#include "wgan/viz/png.h"

namespace wgan {
namespace {

// 16 random images in the format of `dataset`, in `dir`.
void write_data(const std::string& dataset, const test::TempDir& dir) {
  torch::manual_seed(5);
  if (dataset == "mnist") {
    const auto pixels = torch::randint(0, 256, {16 * 28 * 28}, torch::kUInt8);
    std::string images =
        test::big_endian32(2051) + test::big_endian32(16) + test::big_endian32(28) + test::big_endian32(28);
    images.append(reinterpret_cast<const char*>(pixels.data_ptr<uint8_t>()), pixels.numel());
    std::string labels = test::big_endian32(2049) + test::big_endian32(16);
    for (int i = 0; i < 16; ++i) labels.push_back(static_cast<char>(i % 10));
    test::write_bytes(dir / "t10k-images-idx3-ubyte", images);
    test::write_bytes(dir / "t10k-labels-idx1-ubyte", labels);
  } else if (dataset == "cifar10") {
    std::string batch;
    for (int i = 0; i < 16; ++i) {
      const auto pixels = torch::randint(0, 256, {3072}, torch::kUInt8);
      batch.push_back(static_cast<char>(i % 10));
      batch.append(reinterpret_cast<const char*>(pixels.data_ptr<uint8_t>()), 3072);
    }
    test::write_bytes(dir / "data_batch_1.bin", batch);
  } else if (dataset == "folder") {
    for (int i = 0; i < 16; ++i)
      write_png(dir / ("img" + std::to_string(i) + ".png"), torch::randint(0, 256, {3, 80, 72}, torch::kUInt8));
  }
}

class EveryPreset : public ::testing::TestWithParam<size_t> {};

TEST_P(EveryPreset, ValidatesAndTrainsOneIteration) {
  const Preset& preset = presets()[GetParam()];
  TrainConfig c;
  apply_loss_defaults(c);
  apply_preset(preset.name, c);
  EXPECT_EQ(c.preset, preset.name);
  test::TempDir dir;
  if (!is_toy_dataset(c.dataset)) {
    write_data(c.dataset, dir);
    c.data_dir = dir.path();
    c.data_cache = dir / "cache";
  }
  c.iters = 1;
  c.threads = 2;
  resolve_automatic_choices(c);
  ASSERT_NO_THROW(validate(c)) << preset.name;
  Trainer trainer(c, make_networks(c), make_batch_source(c), torch::Device(torch::kCPU));
  const IterationValues v = to_values(trainer.train_iteration());
  EXPECT_EQ(v.iteration, 1);
  EXPECT_TRUE(std::isfinite(v.loss_d) && std::isfinite(v.loss_g)) << preset.name;
  // The penalties (the registry's constraints that need a per-sample critic; lazy r1 applies on
  // the first step too) report their value; clip, sn and none have none to report.
  const bool penalty = constraint_entry(c.constraint).needs_per_sample_critic;
  EXPECT_EQ(v.has_penalty, penalty) << preset.name << " (constraint " << c.constraint << ")";
}

INSTANTIATE_TEST_SUITE_P(All, EveryPreset, ::testing::Range<size_t>(0, presets().size()),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return test::param_name(presets()[info.param].name);
                         });

TEST(Presets, AreTheFlagsTheyList) {
  // A preset is its flags: the same options through the command line's own path.
  for (const Preset& preset : presets()) {
    TrainConfig a;
    apply_loss_defaults(a);
    apply_preset(preset.name, a);
    EXPECT_NE(preset_flags(preset).find("--"), std::string::npos);
    EXPECT_EQ(a.preset, preset.name);
  }
  TrainConfig demo;
  apply_preset("demo", demo);
  EXPECT_EQ(demo.loss, "wgan-gp");
  EXPECT_DOUBLE_EQ(demo.optimizer_d.lr, 1e-3);
  EXPECT_DOUBLE_EQ(demo.optimizer_g.lr, 1e-3);
  EXPECT_DOUBLE_EQ(demo.gp_lambda, 1.0);
  EXPECT_EQ(demo.iters, 6000);
  EXPECT_EQ(demo.n_critic, 2);
  EXPECT_TRUE(demo.g_ema);
  TrainConfig dcgan;
  apply_preset("seed000-cifar10-dcgan", dcgan);
  EXPECT_EQ(dcgan.loss, "gan");
  EXPECT_EQ(dcgan.seed, 999u);                   // from its base
  EXPECT_DOUBLE_EQ(dcgan.optimizer_d.lr, 2e-4);  // the gan loss's defaults replace the base's
  EXPECT_NE(test::usage_error_message([] { find_preset("nope"); }).find("demo"), std::string::npos);
}

}  // namespace
}  // namespace wgan

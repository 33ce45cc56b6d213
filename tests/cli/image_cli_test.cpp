// wgan train, sample and export on image data, as a user runs them.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <torch/script.h>

#include <filesystem>

#include "../test_util.h"

namespace wgan::test {
namespace {

TEST(ImageCli, BadImageInputsEndWithOneLineNamingWhatWasExpected) {
  TempDir dir;
  const std::string out = " --out " + (dir / "run");
  // No --data: the default directory, which `wgan data fetch` fills; missing, the command that does.
  setenv("WGAN_DATA", (dir / "nothing").c_str(), 1);
  expect_usage_error("train --dataset mnist" + out, "fetch the dataset with: wgan data fetch mnist");
  unsetenv("WGAN_DATA");
  expect_usage_error("train --dataset folder" + out, "needs --data DIR");
  expect_usage_error("train --dataset mnist --data " + dir.path() + " --arch dcgan --image-size 48" + out,
                     "16 * 2^k");
  expect_usage_error("train --dataset cifar10 --data " + dir.path() + " --loss wgan-gp --norm-d batch" + out,
                     "--allow-bn-critic");
  expect_usage_error("train --dataset mnist --data " + dir.path() + " --channels 2" + out, "--channels");
  expect_usage_error("train --dataset gaussians25 --arch dcgan" + out, "2-D data needs --arch mlp");

  // Errors found in the data itself, after the run started: the half-made run is removed.
  write_bytes(dir / "bad/t10k-images-idx3-ubyte",
              big_endian32(0x900) + big_endian32(1) + big_endian32(1) + big_endian32(1) + "x");
  expect_usage_error("train --dataset mnist --data " + (dir / "bad") + out, dir / "bad/t10k-images-idx3-ubyte");
  EXPECT_FALSE(std::filesystem::exists(dir / "run"));
  std::filesystem::create_directories(dir / "empty");
  expect_usage_error("train --dataset folder --data " + (dir / "empty") + out, "no PNG, JPEG, WebP, GIF, TIFF or BMP");
  write_bytes(dir / "cifar/test_batch.bin", std::string(3073 + 10, '\0'));
  expect_usage_error("train --dataset cifar10 --data " + (dir / "cifar") + out, "3073-byte");
}

TEST(ImageCli, PresetsListTheirSourcesAndDeviations) {
  CommandResult r = run_wgan("presets");
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* name : {"seed000-cifar10-wgan", "seed000-cifar10-dcgan", "seed002-mnist-wgan-in",
                           "seed003-faces-gp", "seed004-mnist-gp", "seed001-grid"})
    EXPECT_NE(r.output.find(name), std::string::npos) << name;
  EXPECT_NE(r.output.find("deviations:"), std::string::npos);
}

// A short WGAN-GP run with seed 004's networks made small, on the real MNIST digits: the
// critic's Wasserstein estimate falls from its early peak as the generator learns, the run
// writes sample grids, and the trained generator samples to PNG and exports to TorchScript.
TEST(ImageCli, ShortMnistRunLowersTheWassersteinEstimate) {
  const std::string mnist = mnist_dir();
  if (mnist.empty()) GTEST_SKIP() << "the MNIST test set is not available; set WGAN_MNIST_DIR";
  TempDir dir;
  const std::string run = dir / "run";
  CommandResult r = run_wgan("train --preset seed004-mnist-gp --data " + mnist +
                             " --ngf 8 --ndf 8 --batch-size 32 --iters 400 --log-every 1"
                             " --sample-every 200 --checkpoint-every 0 --threads 2 --quiet --out " + run);
  ASSERT_EQ(r.status, 0) << r.output;
  const auto records = metrics_without_time(run);
  ASSERT_EQ(records.size(), 400u);
  double first_max = -1e30, last_mean = 0;
  for (size_t i = 0; i < 100; ++i) first_max = std::max(first_max, records[i]["wasserstein_estimate"].get<double>());
  for (size_t i = 350; i < 400; ++i) last_mean += records[i]["wasserstein_estimate"].get<double>() / 50;
  EXPECT_LT(last_mean, first_max) << "first 100 max " << first_max << ", last 50 mean " << last_mean;

  for (const char* name : {"real.png", "iter-00000200.png", "iter-00000400.png"})
    EXPECT_TRUE(std::filesystem::exists(run + "/samples/" + name)) << name;

  // A PNG grid from the trained model: 16 digits of 28x28, 8 per row, padding 2.
  r = run_wgan("sample --run " + run + " --n 16 --seed 3 --out " + (dir / "grid.png"));
  ASSERT_EQ(r.status, 0) << r.output;
  int w = 0, h = 0, c = 0;
  ASSERT_TRUE(stbi_info((dir / "grid.png").c_str(), &w, &h, &c));
  EXPECT_EQ(w, 8 * 30 + 2);
  EXPECT_EQ(h, 2 * 30 + 2);
  // Seed 004's final 5x5 figure: --per-row sets the columns.
  r = run_wgan("sample --run " + run + " --n 25 --per-row 5 --out " + (dir / "five.png"));
  ASSERT_EQ(r.status, 0) << r.output;
  ASSERT_TRUE(stbi_info((dir / "five.png").c_str(), &w, &h, &c));
  EXPECT_EQ(w, 5 * 30 + 2);
  EXPECT_EQ(h, 5 * 30 + 2);

  r = run_wgan("export --run " + run + " --out " + (dir / "g.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  torch::jit::Module g = torch::jit::load(dir / "g.pt");
  auto images = g.forward({torch::randn({5, 128})}).toTensor();
  EXPECT_EQ(images.sizes(), torch::IntArrayRef({5, 1, 28, 28}));
  EXPECT_LE(images.abs().max().item<float>(), 1.0f);
}

}  // namespace
}  // namespace wgan::test

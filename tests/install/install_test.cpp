// The installed package as another project sees it: `cmake --install` into a temporary prefix,
// then each example of examples/ copied out of the source tree, configured and built against
// that prefix alone, and run (docs/library.md).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "../test_util.h"
#include "wgan/eval/point_file.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/networks.h"

namespace fs = std::filesystem;
using namespace wgan;
using namespace wgan::test;

namespace {

// Installs this build into `prefix`; its output on failure.
CommandResult install_into(const std::string& prefix) {
  return run_command("cmake --install " + std::string(WGAN_BUILD_DIR) + " --prefix " + prefix);
}

// The LibTorch this build uses, as a prefix searched first: the PyPI wheel's CMake files look
// for libc10 with find_library, which finds Debian's in /usr/lib before the wheel's own
// (docs/library.md says the same to users; Debian's LibTorch is in /usr, where this adds nothing).
std::string torch_root() {
  return fs::path(WGAN_TORCH_DIR).parent_path().parent_path().parent_path().string();  // .../Torch -> torch
}

// Copies examples/<name> to `dir`/<name>, configures it against `prefix` and builds it.
CommandResult build_example(const std::string& name, const TempDir& dir, const std::string& prefix) {
  const std::string source = dir / ("src-" + name);
  fs::copy(std::string(WGAN_SOURCE_DIR) + "/examples/" + name, source, fs::copy_options::recursive);
  const std::string launcher =
      run_command("command -v ccache").status == 0 ? " -DCMAKE_CXX_COMPILER_LAUNCHER=ccache" : "";
  return run_command("cmake -S " + source + " -B " + dir / ("build-" + name) + " -DCMAKE_BUILD_TYPE=Release" +
                     " -DCMAKE_PREFIX_PATH='" + prefix + ";" + torch_root() + "' -DTorch_DIR=" + WGAN_TORCH_DIR +
                     launcher + " && cmake --build " + dir / ("build-" + name) + " -j2");
}

class Install : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    installed_ = install_into(*dir_ / "prefix");
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_EQ(installed_.status, 0) << installed_.output; }
  std::string prefix() const { return *dir_ / "prefix"; }

  static TempDir* dir_;
  static CommandResult installed_;
};
TempDir* Install::dir_ = nullptr;
CommandResult Install::installed_;

TEST_F(Install, ThePackageHoldsTheProgramTheLibraryAndOnlyThePublicHeaders) {
  EXPECT_TRUE(fs::exists(prefix() + "/bin/wgan"));
  EXPECT_TRUE(fs::exists(prefix() + "/lib/libwgan.a"));
  EXPECT_TRUE(fs::exists(prefix() + "/lib/cmake/wgan/wganConfig.cmake"));
  EXPECT_TRUE(fs::exists(prefix() + "/lib/cmake/wgan/wganConfigVersion.cmake"));
  EXPECT_TRUE(fs::exists(prefix() + "/lib/pkgconfig/wgan.pc"));
  EXPECT_TRUE(fs::exists(prefix() + "/include/wgan/wgan.h"));
  EXPECT_TRUE(fs::exists(prefix() + "/include/wgan/build_info.h"));
  // The command line and the internals of training stay out.
  EXPECT_FALSE(fs::exists(prefix() + "/include/wgan/cli"));
  EXPECT_FALSE(fs::exists(prefix() + "/include/wgan/viz/cairo_util.h"));
  EXPECT_FALSE(fs::exists(prefix() + "/include/wgan/pch.h"));
}

// A translation unit that includes only wgan/wgan.h compiles against the installed headers
// with the package's usage requirements, by CMake and by pkg-config, and links and runs.
TEST_F(Install, TheUmbrellaHeaderBuildsByCMakeAndByPkgConfig) {
  TempDir dir;
  const CommandResult built = build_example("public_header", dir, prefix());
  ASSERT_EQ(built.status, 0) << built.output;
  const CommandResult ran = run_command(dir / "build-public_header/public_header");
  ASSERT_EQ(ran.status, 0) << ran.output;
  EXPECT_NE(ran.output.find("wgan " + std::string(WGAN_VERSION_TEXT) + ": "), std::string::npos) << ran.output;

  const CommandResult by_pkg_config = run_command(
      "PKG_CONFIG_PATH=" + prefix() + "/lib/pkgconfig c++ -std=c++17 " + std::string(WGAN_SOURCE_DIR) +
      "/examples/public_header/main.cpp $(PKG_CONFIG_PATH=" + prefix() +
      "/lib/pkgconfig pkg-config --cflags --libs wgan) -o " + dir / "by_pkg_config && " + dir / "by_pkg_config");
  ASSERT_EQ(by_pkg_config.status, 0) << by_pkg_config.output;
  EXPECT_EQ(by_pkg_config.output, ran.output);
}

// A generator exported by the installed `wgan export`, run by a program that links LibTorch
// only, gives what the library's own generator gives on the same noise.
TEST_F(Install, AnExportedGeneratorRunsWithPlainLibTorchAsInTheLibrary) {
  TempDir dir;
  const CommandResult built = build_example("embed_generator", dir, prefix());
  ASSERT_EQ(built.status, 0) << built.output;
  const std::string wgan = prefix() + "/bin/wgan";
  const CommandResult trained =
      run_command(wgan + " train --iters 30 --quiet --out " + dir / "run" + " && " + wgan + " export --checkpoint " +
                  dir / "run/checkpoints/final.pt" + " --out " + dir / "generator.pt");
  ASSERT_EQ(trained.status, 0) << trained.output;
  const CommandResult ran =
      run_command(dir / "build-embed_generator/embed_generator" + " " + dir / "generator.pt" + " 64 7 " + dir.path());
  ASSERT_EQ(ran.status, 0) << ran.output;

  CheckpointState model = load_checkpoint(dir / "run/checkpoints/final.pt");
  const torch::Tensor noise = read_csv_points(dir / "noise.csv").to(torch::kFloat32);
  const torch::Tensor expected =
      forward_in_eval_mode(sampling_generator(model.networks, GeneratorChoice::kAuto), noise, torch::kCPU)
          .to(torch::kFloat64);
  const torch::Tensor samples = read_csv_points(dir / "samples.csv");
  ASSERT_EQ(samples.sizes(), expected.sizes());
  EXPECT_LT((samples - expected).abs().max().item<double>(), 1e-5);
}

}  // namespace

namespace {

// The program's own networks and data (examples/custom_networks): a run directory with its
// report and checkpoints, and a run stopped by its callback and resumed in a second process
// equals the straight run record for record.
TEST_F(Install, YourOwnNetworksAndDataTrainReportAndResumeExactly) {
  TempDir dir;
  const CommandResult built = build_example("custom_networks", dir, prefix());
  ASSERT_EQ(built.status, 0) << built.output;
  const std::string program = dir / "build-custom_networks/custom_networks";
  const CommandResult straight = run_command(program + " train " + dir / "straight" + " 100");
  ASSERT_EQ(straight.status, 0) << straight.output;
  EXPECT_NE(straight.output.find("finished at iteration 100"), std::string::npos) << straight.output;
  EXPECT_TRUE(fs::exists(dir / "straight/report.html"));
  EXPECT_TRUE(fs::exists(dir / "straight/checkpoints/final.pt"));
  EXPECT_TRUE(fs::exists(dir / "straight/maps"));

  const CommandResult stopped = run_command(program + " train " + dir / "resumed" + " 100 60");
  ASSERT_EQ(stopped.status, 0) << stopped.output;
  EXPECT_NE(stopped.output.find("stopped at iteration 60"), std::string::npos) << stopped.output;
  const CommandResult resumed = run_command(program + " resume " + dir / "resumed");
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  // The same summary: iteration and the critic's estimate to six places.
  const auto summary = [](const std::string& text) {
    const size_t at = text.find("finished at iteration");
    return at == std::string::npos ? text : text.substr(at, text.find('\n', at) - at);
  };
  EXPECT_EQ(summary(resumed.output), summary(straight.output));
  EXPECT_EQ(metrics_without_time(dir / "resumed"), metrics_without_time(dir / "straight"));
}

// A callback on the library's networks and MNIST (examples/callbacks) stops the run at the
// first evaluation whose swd is at most the fraction of the first one, and nowhere else.
TEST_F(Install, ACallbackStopsTrainingWhereItSaid) {
  TempDir dir;
  const CommandResult built = build_example("callbacks", dir, prefix());
  ASSERT_EQ(built.status, 0) << built.output;
  if (mnist_dir().empty()) GTEST_SKIP() << "the real MNIST digits are not here (../shared/data/mnist)";
  const double fraction = 0.8;
  const CommandResult ran = run_command(dir / "build-callbacks/callbacks " + mnist_dir() + " " + dir / "run" + " " +
                                        std::to_string(fraction) + " 200");
  ASSERT_EQ(ran.status, 0) << ran.output;
  ASSERT_NE(ran.output.find("stopping at iteration"), std::string::npos) << ran.output;
  const auto records = metrics_without_time(dir / "run");
  std::optional<double> first;
  int64_t expected_stop = -1;
  for (const auto& record : records) {
    if (!record.contains("swd")) continue;
    const double swd = record["swd"].get<double>();
    if (!first) first = swd;
    if (swd <= fraction * *first) {
      expected_stop = record["iter"].get<int64_t>();
      break;
    }
  }
  ASSERT_GT(expected_stop, 0);
  EXPECT_EQ(records.back()["iter"].get<int64_t>(), expected_stop);
  EXPECT_NE(ran.output.find("stopped at iteration " + std::to_string(expected_stop)), std::string::npos) << ran.output;
  EXPECT_FALSE(fs::exists(dir / "run/checkpoints/final.pt"));  // stopped, not finished
  EXPECT_FALSE(list_checkpoints(dir / "run").empty());         // with a checkpoint to resume from
}

}  // namespace

namespace {

// docs/library.md shows code that compiles: each of its cpp blocks is cut, verbatim, from one
// of the examples that the tests above build.
TEST(LibraryDocs, EveryCppBlockIsAVerbatimExcerptOfAnExample) {
  std::vector<std::string> examples;
  for (const auto& entry : fs::recursive_directory_iterator(std::string(WGAN_SOURCE_DIR) + "/examples"))
    if (entry.path().extension() == ".cpp") examples.push_back(read_file(entry.path().string()));
  const std::string page = read_file(std::string(WGAN_SOURCE_DIR) + "/docs/library.md");
  int blocks = 0;
  for (size_t at = page.find("```cpp\n"); at != std::string::npos; at = page.find("```cpp\n", at)) {
    at += 7;
    const size_t end = page.find("```", at);
    ASSERT_NE(end, std::string::npos);
    const std::string block = page.substr(at, end - at);
    ++blocks;
    const bool found = std::any_of(examples.begin(), examples.end(),
                                   [&](const std::string& source) { return source.find(block) != std::string::npos; });
    EXPECT_TRUE(found) << "docs/library.md shows code no example holds:\n" << block;
    at = end + 3;
  }
  EXPECT_GE(blocks, 4);
}

}  // namespace

// The wgan command as a user runs it: exit statuses, messages and the run directory.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "../test_util.h"
#include "wgan/config/config.h"

namespace wgan::test {
namespace {

TEST(Cli, BadInputExitsWithStatusTwoAndOneLine) {
  TempDir dir;
  const std::string out = " --out " + (dir / "run");
  expect_usage_error("train --loss wgan-xx" + out, "wgan-gp");
  expect_usage_error("train --dataset gaussians9" + out, "gaussians25");
  expect_usage_error("train --iters 0" + out, "--iters");
  expect_usage_error("train --batch-size -4" + out, "--batch-size");
  expect_usage_error("train --iters abc" + out, "abc");
  expect_usage_error("train --lr 1e-3x" + out, "1e-3x");
  expect_usage_error("train --clip soft" + out, "'none'");
  expect_usage_error("train --optimizer adagrad" + out, "rmsprop");
  expect_usage_error("train --no-such-flag" + out, "--no-such-flag");
  expect_usage_error("train --preset nope" + out, "demo");
  expect_usage_error("train --out /proc/wgan-cannot-write-here", "/proc/wgan-cannot-write-here");
  expect_usage_error("sample --run " + dir.path() + " --out x.csv", "final.pt");
  // Nothing was trained: no run directory was left behind by the refused commands.
  EXPECT_FALSE(std::filesystem::exists(dir / "run/metrics.jsonl"));
}

TEST(Cli, TrainWritesARunThatSampleAndEvalUse) {
  TempDir dir;
  const std::string run = dir / "run";
  CommandResult r = run_wgan(
      "train --loss wgan-gp --dataset gaussians8 --iters 30 --batch-size 64 "
      "--g-width 32 --d-width 32 --log-every 5 --eval-every 10 --eval-samples 200 "
      "--threads 1 --out " +
      run);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("1 threads"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("modes "), std::string::npos) << r.output;

  auto config = nlohmann::json::parse(read_file(run + "/config.json"));
  EXPECT_EQ(config["loss"], "wgan-gp");
  EXPECT_EQ(config["gp_lambda"], 10.0);  // --loss alone keeps the paper's defaults
  EXPECT_EQ(config["optimizer_d"]["lr"], 1e-4);

  std::istringstream lines(read_file(run + "/metrics.jsonl"));
  std::string line;
  int records = 0, evaluated = 0;
  int64_t last_iter = 0;
  while (std::getline(lines, line)) {
    auto m = nlohmann::json::parse(line);
    ++records;
    for (const char* key :
         {"iter", "time_s", "loss_d", "loss_g", "d_real", "d_fake", "wasserstein_estimate", "gradient_penalty"})
      EXPECT_TRUE(m.contains(key)) << key << " missing in " << line;
    EXPECT_NEAR(m["wasserstein_estimate"].get<double>(), m["d_real"].get<double>() - m["d_fake"].get<double>(), 1e-9);
    if (m.contains("modes_covered")) ++evaluated;
    last_iter = m["iter"];
  }
  EXPECT_EQ(records, 6);
  EXPECT_EQ(evaluated, 3);
  EXPECT_EQ(last_iter, 30);

  // A second training into the same directory is refused.
  CommandResult again = run_wgan("train --iters 1 --out " + run);
  EXPECT_EQ(again.status, 2) << again.output;

  const std::string csv = dir / "points.csv";
  CommandResult s = run_wgan("sample --run " + run + " --n 57 --out " + csv);
  ASSERT_EQ(s.status, 0) << s.output;
  std::istringstream points(read_file(csv));
  std::getline(points, line);
  EXPECT_EQ(line, "x,y");
  int n = 0;
  while (std::getline(points, line)) {
    double x, y;
    char comma;
    std::istringstream(line) >> x >> comma >> y;
    EXPECT_EQ(comma, ',');
    ++n;
  }
  EXPECT_EQ(n, 57);

  // A tensor file and a latent walk: 4 waypoints, 5 steps between -> 16 samples.
  CommandResult pt = run_wgan("sample --run " + run + " --n 4 --interpolate 5 --out " + (dir / "walk.pt"));
  ASSERT_EQ(pt.status, 0) << pt.output;
  const std::string bytes = read_file(dir / "walk.pt");
  torch::Tensor walk = torch::pickle_load(std::vector<char>(bytes.begin(), bytes.end())).toTensor();
  EXPECT_EQ(walk.sizes(), torch::IntArrayRef({16, 2}));
  // The truncation trick: noise held near 0 draws points near G(0), far less spread out.
  auto spread = [&](const std::string& flags, const std::string& name) {
    CommandResult r = run_wgan("sample --run " + run + " --n 200 " + flags + " --out " + (dir / name));
    EXPECT_EQ(r.status, 0) << r.output;
    const std::string b = read_file(dir / name);
    return torch::pickle_load(std::vector<char>(b.begin(), b.end())).toTensor().std(0).sum().item<double>();
  };
  EXPECT_LT(spread("--truncation 0.01", "tight.pt"), 0.1 * spread("", "wide.pt"));
  expect_usage_error("sample --run " + run + " --truncation -1 --out x.pt", "got '-1'");
  expect_usage_error("sample --run " + run + " --truncation nan --out x.pt", "got 'nan'");
  expect_usage_error("sample --run " + run + " --out x.png", ".csv");
  expect_usage_error("sample --run " + run + " --generator ema --out x.csv", "without --g-ema");
  expect_usage_error("sample --run " + run + " --per-row -5 --out x.png", "got '-5'");

  // Export: the TorchScript module gives the run's samples back.
  CommandResult ex = run_wgan("export --run " + run + " --out " + (dir / "g.pt"));
  ASSERT_EQ(ex.status, 0) << ex.output;
  EXPECT_NE(ex.output.find("noise [B, 2]"), std::string::npos) << ex.output;

  CommandResult e = run_wgan("eval --run " + run + " --n 500");
  ASSERT_EQ(e.status, 0) << e.output;
  EXPECT_NE(e.output.find("modes "), std::string::npos);
  EXPECT_EQ(count_lines(read_file(run + "/metrics.jsonl")), 7);
}

// --g-ema: pictures, evaluations and sample use the averaged generator unless raw is asked.
TEST(Cli, TheAveragedGeneratorIsUsedUnlessRawIsAsked) {
  TempDir dir;
  const std::string run = dir / "run";
  expect_usage_error("train --loss wgan-gp --generator ema --out " + run, "--g-ema");  // not the demo, which averages
  CommandResult r = run_wgan(
      "train --dataset gaussians8 --iters 20 --batch-size 64 --g-width 32 --d-width 32 "
      "--eval-every 10 --eval-samples 200 --threads 1 --quiet --g-ema --g-ema-kimg 2 "
      "--generator both --out " +
      run);
  ASSERT_EQ(r.status, 0) << r.output;
  std::istringstream lines(read_file(run + "/metrics.jsonl"));
  std::string line, last;
  while (std::getline(lines, line)) last = line;
  const auto m = nlohmann::json::parse(last);
  ASSERT_TRUE(m.contains("w1") && m.contains("raw_w1")) << last;
  EXPECT_NE(m["w1"], m["raw_w1"]);  // two different generators were measured
  ASSERT_EQ(run_wgan("sample --run " + run + " --n 20 --out " + (dir / "ema.csv")).status, 0);
  ASSERT_EQ(run_wgan("sample --run " + run + " --n 20 --generator ema --out " + (dir / "ema2.csv")).status, 0);
  ASSERT_EQ(run_wgan("sample --run " + run + " --n 20 --generator raw --out " + (dir / "raw.csv")).status, 0);
  EXPECT_EQ(read_file(dir / "ema.csv"), read_file(dir / "ema2.csv"));
  EXPECT_NE(read_file(dir / "ema.csv"), read_file(dir / "raw.csv"));
  CommandResult e = run_wgan("eval --run " + run + " --n 200 --generator raw");
  ASSERT_EQ(e.status, 0) << e.output;
}

TEST(Cli, SameSeedAndThreadsGiveIdenticalMetrics) {
  TempDir dir;
  auto train = [&](const std::string& name) {
    const std::string args =
        "train --loss wgan --dataset gaussians25 --iters 20 --batch-size 64 "
        "--g-width 64 --d-width 64 --log-every 1 --eval-samples 500 --threads 2 --seed 5 --out " +
        (dir / name);
    CommandResult r = run_wgan(args);
    EXPECT_EQ(r.status, 0) << r.output;
    return metrics_without_time(dir / name);
  };
  auto a = train("a"), b = train("b");
  ASSERT_EQ(a.size(), 20u);
  EXPECT_EQ(a, b);
}

TEST(Cli, BareTrainUsesTheDemoPreset) {
  TempDir dir;
  // The demo preset with a short run: the preset's settings land in config.json.
  CommandResult r = run_wgan("train --iters 2 --eval-samples 200 --quiet --out " + (dir / "demo"));
  ASSERT_EQ(r.status, 0) << r.output;
  auto config = nlohmann::json::parse(read_file(dir / "demo/config.json"));
  EXPECT_EQ(config["preset"], "demo");
  EXPECT_EQ(config["dataset"], "gaussians25");
  EXPECT_EQ(config["loss"], "wgan-gp");
  EXPECT_EQ(config["iters"], 2);
  EXPECT_EQ(config["precision"], "fp32");
}

TEST(Cli, ClipNoneIsAnnouncedAsNoConstraint) {
  TempDir dir;
  CommandResult r = run_wgan(
      "train --loss wgan --clip none --iters 1 --g-width 8 --d-width 8 --eval-samples 100 "
      "--out " +
      (dir / "run"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("training wgan (constraint none: --clip none) on gaussians25"), std::string::npos)
      << r.output;
  EXPECT_EQ(nlohmann::json::parse(read_file(dir / "run/config.json"))["clip"], "none");
  r = run_wgan("train --loss wgan --iters 1 --g-width 8 --d-width 8 --eval-samples 100 --out " + (dir / "clipped"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("training wgan (constraint clip) on"), std::string::npos) << r.output;
}

TEST(Cli, Bf16RunRecordsItsPrecisionAndResumesWithIt) {
  TempDir dir;
  const std::string run = dir / "bf16";
  CommandResult r =
      run_wgan("train --precision bf16 --iters 3 --g-width 32 --d-width 32 --eval-samples 200 --quiet --out " + run);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(nlohmann::json::parse(read_file(run + "/config.json"))["precision"], "bf16");
  CommandResult resumed = run_wgan("train --resume " + run + " --iters 5 --quiet");
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_EQ(nlohmann::json::parse(read_file(run + "/config.json"))["precision"], "bf16");
  EXPECT_EQ(count_lines(read_file(run + "/metrics.jsonl")), 1 + 1);  // iterations 3 and 5 (log every 10)
  expect_usage_error("train --precision fp16 --out " + (dir / "x"), "fp32, bf16");
}

}  // namespace
}  // namespace wgan::test

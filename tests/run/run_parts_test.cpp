// A program's own parts (RunParts): its torch::nn networks and its data train, draw, evaluate,
// stop from a callback and resume bit for bit as the library's own do.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "../test_util.h"
#include "wgan/core/error.h"
#include "wgan/data/tensor_source.h"
#include "wgan/eval/metric_registry.h"
#include "wgan/nets/module_network.h"
#include "wgan/run/run_parts.h"
#include "wgan/train/batch_source_factory.h"

namespace wgan::test {
namespace {

// A module the library does not know: x + MLP(x) blocks between two linear maps.
struct ResidualMlpImpl : torch::nn::Module {
  ResidualMlpImpl(int64_t in, int64_t width, int64_t out)
      : first(register_module("first", torch::nn::Linear(in, width))),
        block(register_module("block", torch::nn::Linear(width, width))),
        last(register_module("last", torch::nn::Linear(width, out))) {}
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(first(x));
    x = x + torch::relu(block(x));
    return last(x);
  }
  torch::nn::Linear first, block, last;
};
TORCH_MODULE(ResidualMlp);

// Two arms of a spiral, 1,000 points: a data set the library does not ship.
torch::Tensor spiral() {
  const auto t = torch::linspace(0.5, 3.0, 500);
  const auto arm = torch::stack({t * torch::cos(2 * t), t * torch::sin(2 * t)}, 1);
  return torch::cat({arm, -arm});
}

// The parts, keeping every network made so that the test can look at them.
struct Parts {
  std::vector<Network> made;
  RunParts parts;
  Parts() {
    parts.data = std::make_shared<TensorSource>(spiral(), 3);
    parts.make_generator = [this] { return keep(as_network(ResidualMlp(8, 32, 2))); };
    parts.make_critic = [this] { return keep(as_network(ResidualMlp(2, 32, 1))); };
  }
  Network keep(Network n) {
    made.push_back(n);
    return n;
  }
  NetworkImpl& generator() { return *made.at(made.size() - 2); }  // of the latest run
};

TrainConfig small_config() {
  TrainConfig c;
  c.loss = "wgan-gp";
  c.nz = 8;
  c.batch_size = 32;
  c.iters = 20;
  c.log_every = 5;
  c.eval_every = 10;
  c.eval_samples = 100;
  c.sample_every = 10;
  c.checkpoint_every = 10;
  c.threads = 1;
  c.quiet = true;
  c.seed = 5;
  return c;
}

void expect_same_parameters(NetworkImpl& a, NetworkImpl& b) {
  const auto p = a.parameters(), q = b.parameters();
  ASSERT_EQ(p.size(), q.size());
  for (size_t i = 0; i < p.size(); ++i) EXPECT_TRUE(torch::equal(p[i], q[i])) << "parameter " << i;
}

TEST(RunParts, TheProgramsNetworksAndDataMakeAWholeRun) {
  TempDir dir;
  Parts parts;
  std::ostringstream console;
  const RunSummary summary = train_run(small_config(), parts.parts, dir / "run", console);
  EXPECT_FALSE(summary.stopped);
  EXPECT_EQ(summary.last.iteration, 20);
  namespace fs = std::filesystem;
  const auto config = nlohmann::json::parse(read_file(dir / "run/config.json"));
  EXPECT_EQ(config["dataset"], "custom");
  EXPECT_EQ(config["arch"], "custom");
  EXPECT_TRUE(fs::exists(dir / "run/checkpoints/final.pt"));
  EXPECT_TRUE(fs::exists(dir / "run/report.html"));
  EXPECT_TRUE(fs::exists(dir / "run/maps/00000020.png") || !fs::is_empty(dir / "run/maps"));
  // The evaluation measured the program's points: W1 against its spiral, finite and positive.
  const auto records = metrics_without_time(dir / "run");
  ASSERT_FALSE(records.empty());
  ASSERT_TRUE(records.back().contains("w1"));
  EXPECT_GT(records.back()["w1"].get<double>(), 0.0);
  // The parameters are the module's own, under module.
  const auto names = parts.generator().named_parameters().keys();
  EXPECT_NE(std::find(names.begin(), names.end(), "module.block.weight"), names.end());
}

TEST(RunParts, ACallbackStopsTheRunAndResumingEqualsTheStraightRun) {
  TempDir dir;
  Parts straight;
  std::ostringstream console;
  train_run(small_config(), straight.parts, dir / "straight", console);

  Parts stopped;
  std::vector<int64_t> seen;
  stopped.parts.on_log = [&seen](const nlohmann::json& record) {
    seen.push_back(record[metric::kIteration].get<int64_t>());
    return record[metric::kIteration].get<int64_t>() < 15;
  };
  const RunSummary first = train_run(small_config(), stopped.parts, dir / "stopped", console);
  EXPECT_TRUE(first.stopped);
  EXPECT_EQ(seen, (std::vector<int64_t>{5, 10, 15}));
  EXPECT_TRUE(std::filesystem::exists(checkpoint_path(dir / "stopped", 15)));

  stopped.parts.on_log = nullptr;
  const RunSummary second = resume_run(dir / "stopped", stopped.parts, console);
  EXPECT_FALSE(second.stopped);
  EXPECT_EQ(second.last.iteration, 20);
  expect_same_parameters(straight.generator(), stopped.generator());
  EXPECT_EQ(metrics_without_time(dir / "straight"), metrics_without_time(dir / "stopped"));
}

TEST(RunParts, AveragedGeneratorStartsAsACopyOfTheProgramsGenerator) {
  Parts parts;
  std::vector<torch::Tensor> initial;  // the generator's first weight as made
  auto make = parts.parts.make_generator;
  parts.parts.make_generator = [&] {
    Network g = make();
    initial.push_back(g->parameters()[0].detach().clone());
    return g;
  };
  TrainConfig config = small_config();
  config.g_ema = true;
  config.g_ema_rampup = 0;  // beta from the half-life alone
  config.iters = 1;
  TempDir dir;
  std::ostringstream console;
  train_run(config, parts.parts, dir / "run", console);
  ASSERT_EQ(parts.made.size(), 3u);  // generator, critic, average
  // The average started as a copy of the generator (not of its own fresh weights) and took one
  // step towards it: beta * start + (1 - beta) * generator, beta = 0.5^(batch / (1000 kimg)).
  const double beta = std::pow(0.5, config.batch_size / (1000.0 * config.g_ema_kimg));
  const auto generator = parts.made[0]->parameters()[0].detach();
  const auto average = parts.made[2]->parameters()[0].detach();
  EXPECT_FALSE(torch::equal(initial[0], initial[1]));  // a fresh module has other weights
  EXPECT_TRUE(torch::allclose(average, beta * initial[0] + (1 - beta) * generator, 1e-5, 1e-6));
}

TEST(RunParts, WithPartsRecordsTheProgramsPartsAndTheShapeOfItsImages) {
  RunParts parts;
  parts.data = std::make_shared<TensorSource>(torch::zeros({4, 1, 16, 16}, torch::kUInt8), 1);
  const TrainConfig c = with_parts(TrainConfig(), parts);
  EXPECT_EQ(c.dataset, "custom");
  EXPECT_EQ(c.channels, 1);
  EXPECT_EQ(c.image_size, 16);
  EXPECT_EQ(c.arch, "dcgan");  // the library's family for 16x16 images
}

TEST(RunParts, LibraryNetworksTrainOnAProgramsImages) {
  TempDir dir;
  RunParts parts;
  parts.data = std::make_shared<TensorSource>(torch::randint(0, 256, {40, 1, 16, 16}, torch::kUInt8), 1);
  TrainConfig c = small_config();
  c.iters = 2;
  c.ngf = c.ndf = 8;
  c.batch_size = 8;
  c.eval_samples = 16;
  std::ostringstream console;
  train_run(c, parts, dir / "run", console);
  EXPECT_TRUE(std::filesystem::exists(dir / "run/samples/real.png"));
  EXPECT_TRUE(std::filesystem::exists(dir / "run/samples/real-vs-generated.png"));
  const auto records = metrics_without_time(dir / "run");
  EXPECT_TRUE(records.back().contains("swd"));
}

TEST(RunParts, InconsistentPartsAreRefusedNamingWhatWasExpected) {
  TempDir dir;
  std::ostringstream console;
  Parts parts;
  TrainConfig c = small_config();
  // Data without dataset custom (run_training takes a prepared configuration).
  EXPECT_NE(
      usage_error_message([&] { run_training(c, dir.path(), console, parts.parts); }).find("expected dataset custom"),
      std::string::npos);
  // A generator without a critic.
  RunParts half = parts.parts;
  half.make_critic = nullptr;
  EXPECT_NE(usage_error_message([&] { train_run(c, half, dir / "a", console); }).find("both or neither"),
            std::string::npos);
  // Spectral normalisation wraps only the library's critics.
  c.constraint = "sn";
  c.loss = "wgan";
  EXPECT_NE(usage_error_message([&] { train_run(c, parts.parts, dir / "b", console); }).find("--constraint sn"),
            std::string::npos);
  // Points of another shape than the library's MLPs make.
  RunParts points;
  points.data = std::make_shared<TensorSource>(torch::zeros({10, 3}), 1);
  EXPECT_NE(usage_error_message([&] { train_run(small_config(), points, dir / "c", console); }).find("[3]"),
            std::string::npos);
  // A generator that makes other samples than the data holds.
  RunParts wide = parts.parts;
  wide.make_generator = [] { return as_network(ResidualMlp(8, 16, 3)); };
  EXPECT_NE(usage_error_message([&] {
              train_run(small_config(), wide, dir / "d", console);
            }).find("makes samples of shape [3] from noise [2, 8] (config.nz); the data's samples are [2]"),
            std::string::npos);
  // The command line has no program data.
  TrainConfig custom;
  custom.dataset = "custom";
  EXPECT_NE(usage_error_message([&] { make_batch_source(custom, nullptr, dir.path()); }).find("program's own"),
            std::string::npos);
}

TEST(RunParts, TheCommandLineRefusesDatasetAndArchCustom) {
  expect_usage_error("train --dataset custom --iters 1", "program's own");
  expect_usage_error("train --arch custom --iters 1", "program's own");
}

}  // namespace
}  // namespace wgan::test

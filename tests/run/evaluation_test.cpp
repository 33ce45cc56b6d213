// Metrics of 2-D generators against closed forms: a generator that puts all its mass on one
// point is at W1 = the mean distance of the true sample to that point.
#include "wgan/run/evaluation.h"

#include <gtest/gtest.h>

#include "../objectives/linear_critic.h"
#include "../test_util.h"
#include "wgan/core/random.h"
#include "wgan/data/tensor_source.h"
#include "wgan/data/toy.h"
#include "wgan/run/run_pictures.h"
#include "wgan/train/networks.h"

namespace wgan {
namespace {

// The generator of `config` with every weight zero and the last bias `point`: it maps any
// noise to `point`.
TrainConfig toy_config(const std::string& dataset) {
  TrainConfig config;
  config.dataset = dataset;
  config.seed = 11;
  resolve_automatic_choices(config);
  return config;
}

Network constant_generator(const TrainConfig& config, const torch::Tensor& point) {
  Network g = make_networks(config).generator;
  torch::NoGradGuard no_grad;
  auto parameters = g->parameters();
  for (auto& p : parameters) p.zero_();
  parameters.back().copy_(point);
  return g;
}

TEST(Evaluation, PointMassIsAtTheMeanDistanceOfTheTrueSample) {
  for (const std::string dataset : {"gaussians25", "swissroll"}) {
    const TrainConfig config = toy_config(dataset);
    const auto point = torch::tensor({0.05f, -0.05f});  // within 3 sigma of the mode (0, 0)
    Network g = constant_generator(config, point);
    const int64_t n = 400;
    const auto metrics = evaluate_generator(*g, config, n, 100, c10::Device(c10::kCPU));
    // The evaluation's true sample: the evaluation stream at the index no iteration reaches.
    auto generator = make_generator(config.seed, Stream::kEvaluation, ~uint64_t{0});
    const auto real = ToyDistribution::from_name(dataset).sample(n, generator).to(torch::kFloat64);
    const double expected = (real - point.to(torch::kFloat64)).norm(2, 1).mean().item<double>();
    ASSERT_TRUE(metrics.contains("w1")) << dataset;
    EXPECT_NEAR(metrics["w1"].get<double>(), expected, 1e-5) << dataset;
    EXPECT_EQ(metrics.contains("modes_covered"), dataset == "gaussians25");
    if (dataset == "gaussians25") {
      EXPECT_EQ(metrics["modes_covered"].get<int64_t>(), 1);
      EXPECT_DOUBLE_EQ(metrics["hq_percent"].get<double>(), 100.0);
    }
    EXPECT_NE(describe_metrics(metrics).find("W1 "), std::string::npos);
  }
}

TEST(Evaluation, TheTrueSampleIsTheSameAtEveryIteration) {
  // Two evaluations of one generator at different iterations differ only by the generated
  // sample; for a point mass that is none.
  const TrainConfig config = toy_config("gaussians8");
  Network g = constant_generator(config, torch::tensor({1.0f, 1.0f}));
  const auto a = evaluate_generator(*g, config, 300, 5, c10::Device(c10::kCPU));
  const auto b = evaluate_generator(*g, config, 300, 900, c10::Device(c10::kCPU));
  EXPECT_DOUBLE_EQ(a["w1"].get<double>(), b["w1"].get<double>());
}

// Seed 001's table: the critic's extremes over the square of the maps. A linear critic's are at
// the square's corners, b -+ extent (|w1| + |w2|); the maps reach beyond the data's square.
TEST(Evaluation, CriticRangeIsTheExtremesOverTheMapsSquare) {
  const TrainConfig config = toy_config("gaussians25");
  test::TempDir dir;
  TensorSource points(torch::randn({100, 2}), 1);
  RunPictures pictures(config, dir / "run", points);
  test::LinearCritic critic(torch::tensor({1.0f, -2.0f}), 0.5f);
  const auto range = pictures.critic_range(critic, c10::Device(c10::kCPU));
  const double extent = ToyDistribution::from_name("gaussians25").extent() * kCriticMapMargin;
  EXPECT_NEAR(range.at(metric::kCriticMax).get<double>(), 0.5 + 3 * extent, 1e-4);
  EXPECT_NEAR(range.at(metric::kCriticMin).get<double>(), 0.5 - 3 * extent, 1e-4);

  TensorSource images(torch::zeros({4, 1, 8, 8}, torch::kUInt8), 1);
  RunPictures grids(config, dir / "images", images);
  EXPECT_TRUE(grids.critic_range(critic, c10::Device(c10::kCPU)).empty()) << "images have no map";
}

}  // namespace
}  // namespace wgan

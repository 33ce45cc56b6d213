// Generator averaging: the schedule's closed form, the average of constant weights converging
// as beta^k, buffers copied, and the trainer's average following the generator.
#include "wgan/train/generator_average.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "../test_util.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {

TEST(GeneratorAverage, BetaIsAHalfLifeInImagesWithTheRampUpAsDefined) {
  AveragingSchedule s;
  s.half_life_kimg = 10;
  // 0.5^(batch / 10,000): after 10,000 / 64 steps a step's weight has halved.
  EXPECT_DOUBLE_EQ(averaging_beta(s, 64, 0), std::pow(0.5, 64.0 / 10000));
  EXPECT_NEAR(std::pow(averaging_beta(s, 64, 0), 10000.0 / 64), 0.5, 1e-12);
  s.rampup = 0.05;
  EXPECT_DOUBLE_EQ(averaging_beta(s, 64, 0), 0.0);  // the first update copies
  // 0.05 x 64,000 images = 3,200 < 10,000: the ramp-up's half-life.
  EXPECT_DOUBLE_EQ(averaging_beta(s, 64, 64000), std::pow(0.5, 64.0 / 3200));
  // 0.05 x 1,000,000 = 50,000 > 10,000: the configured one.
  EXPECT_DOUBLE_EQ(averaging_beta(s, 64, 1000000), std::pow(0.5, 64.0 / 10000));
  s.beta = 0.9;
  EXPECT_DOUBLE_EQ(averaging_beta(s, 64, 1000000), 0.9);
}

struct Tiny : NetworkImpl {
  Tiny() {
    linear = register_module("linear", torch::nn::Linear(3, 2));
    norm = register_module("norm", torch::nn::BatchNorm1d(2));
  }
  torch::Tensor forward(const torch::Tensor& x) override { return norm->forward(linear->forward(x)); }
  torch::nn::Linear linear{nullptr};
  torch::nn::BatchNorm1d norm{nullptr};
};

TEST(GeneratorAverage, ConstantWeightsAreApproachedAsBetaToTheK) {
  torch::manual_seed(3);
  Tiny average, network;
  const auto start = average.linear->weight.detach().clone();
  const auto target = network.linear->weight.detach().clone();
  // Batch-norm statistics of the network: the average takes them as they are.
  network.train();
  network.forward(torch::randn({8, 3}) * 5 + 2);
  const double beta = 0.8;
  for (int k = 1; k <= 20; ++k) {
    update_average(average, network, beta);
    // theta_avg_k = theta + beta^k (theta_avg_0 - theta)
    const auto expected = target + std::pow(beta, k) * (start - target);
    EXPECT_TRUE(torch::allclose(average.linear->weight, expected, 1e-6, 1e-6)) << "after " << k << " updates";
  }
  EXPECT_TRUE(torch::equal(average.norm->running_mean, network.norm->running_mean));
  EXPECT_TRUE(torch::equal(average.norm->running_var, network.norm->running_var));
  EXPECT_FALSE(torch::allclose(network.norm->running_mean, torch::zeros({2})));
}

TEST(GeneratorAverage, TheTrainersAverageFollowsTheGeneratorByTheSchedule) {
  TrainConfig c;
  apply_loss_defaults(c);
  c.dataset = "gaussians8";
  c.batch_size = 16;
  c.g_width = c.d_width = 16;
  c.g_depth = c.d_depth = 1;
  c.g_ema = true;
  c.g_ema_beta = 0.5;
  resolve_automatic_choices(c);
  NetworkPair networks = make_networks(c);
  ASSERT_TRUE(networks.averaged_generator);
  // It starts as the generator.
  const auto g0 = networks.generator->parameters(), a0 = networks.averaged_generator->parameters();
  for (size_t i = 0; i < g0.size(); ++i) EXPECT_TRUE(torch::equal(g0[i], a0[i]));
  std::vector<torch::Tensor> before;
  for (const auto& p : a0) before.push_back(p.detach().clone());
  Trainer trainer(c, networks, make_batch_source(c), torch::Device(torch::kCPU));
  trainer.train_iteration();
  // One update with beta 0.5: the midpoint of where it was and the trained generator.
  const auto g1 = networks.generator->parameters(), a1 = networks.averaged_generator->parameters();
  for (size_t i = 0; i < g1.size(); ++i) {
    EXPECT_FALSE(torch::equal(g1[i], before[i]));
    EXPECT_TRUE(torch::allclose(a1[i], 0.5 * (before[i] + g1[i]), 1e-6, 1e-7));
  }
  EXPECT_EQ(&trainer.sampling_generator(GeneratorChoice::kAuto), networks.averaged_generator.get());
  EXPECT_EQ(&trainer.sampling_generator(GeneratorChoice::kRaw), networks.generator.get());
  c.g_ema = false;
  const NetworkPair plain = make_networks(c);
  EXPECT_FALSE(plain.averaged_generator);
  EXPECT_EQ(&sampling_generator(plain, GeneratorChoice::kAuto), plain.generator.get());
  EXPECT_NE(
      test::usage_error_message([&] { sampling_generator(plain, GeneratorChoice::kEma); }).find("without --g-ema"),
      std::string::npos);
}

}  // namespace
}  // namespace wgan

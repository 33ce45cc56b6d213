#include <gtest/gtest.h>

#include <cmath>

#include "wgan/objectives/classic_objectives.h"

namespace wgan {
namespace {

// Returns its input's first column: the "critic output" is whatever the batch holds.
struct IdentityCritic : NetworkImpl {
  torch::Tensor forward(const torch::Tensor& x) override { return x.narrow(1, 0, 1); }
};

double log_sigmoid(double x) { return -std::log1p(std::exp(-x)); }

TEST(GanObjective, MatchesHandComputedBinaryCrossEntropy) {
  IdentityCritic critic;
  const std::vector<float> r = {2.0f, -1.0f, 0.5f}, f = {-3.0f, 0.25f, 1.0f};
  CriticBatch batch{torch::tensor(r).view({3, 1}), torch::tensor(f).view({3, 1}), {}};
  GanObjective gan;
  double expected = 0;
  for (float x : r) expected += -log_sigmoid(x) / 3;   // -log sigmoid(D(real))
  for (float x : f) expected += -log_sigmoid(-x) / 3;  // -log(1 - sigmoid(D(fake)))
  EXPECT_NEAR(gan.critic_loss(critic, batch).loss.item<double>(), expected, 1e-6);

  double expected_g = 0;
  for (float x : f) expected_g += -log_sigmoid(x) / 3;  // non-saturating -log sigmoid(D(G(z)))
  EXPECT_NEAR(gan.generator_loss(batch.fake).item<double>(), expected_g, 1e-6);
}

TEST(WassersteinLoss, CriticLossIsMeanFakeMinusMeanReal) {
  IdentityCritic critic;
  CriticBatch batch{torch::tensor({1.0f, 3.0f}).view({2, 1}), torch::tensor({-1.0f, 0.0f}).view({2, 1}), {}};
  WganObjective wgan(0.01, false);
  CriticLoss loss = wgan.critic_loss(critic, batch);
  EXPECT_NEAR(loss.loss.item<double>(), -0.5 - 2.0, 1e-6);
  EXPECT_NEAR(loss.d_real.item<double>(), 2.0, 1e-6);
  EXPECT_NEAR(loss.d_fake.item<double>(), -0.5, 1e-6);
  EXPECT_NEAR(wgan.generator_loss(batch.fake).item<double>(), 0.5, 1e-6);
}

struct NormalisedCritic : NetworkImpl {
  NormalisedCritic() {
    linear = register_module("linear", torch::nn::Linear(4, 4));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({4})));
    torch::NoGradGuard no_grad;
    for (auto& p : parameters()) p.fill_(0.5);
  }
  torch::Tensor forward(const torch::Tensor& x) override { return norm->forward(linear->forward(x)); }
  torch::nn::Linear linear{nullptr};
  torch::nn::LayerNorm norm{nullptr};
};

TEST(WeightClipping, ClampsEveryParameterAfterTheCriticStep) {
  NormalisedCritic critic;
  WganObjective wgan(0.01, /*weights_only=*/false);
  wgan.after_critic_step(critic);
  for (const auto& p : critic.parameters()) {
    EXPECT_LE(p.max().item<double>(), 0.01 + 1e-9);
    EXPECT_GE(p.min().item<double>(), -0.01 - 1e-9);
  }
}

TEST(WeightClipping, WeightsScopeLeavesNormalisationAlone) {
  NormalisedCritic critic;
  WganObjective wgan(0.01, /*weights_only=*/true);
  wgan.after_critic_step(critic);
  EXPECT_NEAR(critic.linear->weight.max().item<double>(), 0.01, 1e-9);
  EXPECT_NEAR(critic.norm->weight.min().item<double>(), 0.5, 1e-9);
}

TEST(WeightClipping, NoneLeavesParametersAlone) {
  NormalisedCritic critic;
  WganObjective wgan(std::nullopt, false);
  wgan.after_critic_step(critic);
  EXPECT_NEAR(critic.linear->weight.max().item<double>(), 0.5, 1e-9);
}

}  // namespace
}  // namespace wgan

#include "wgan/objectives/gradient_penalty.h"

#include <gtest/gtest.h>

#include "linear_critic.h"
#include "wgan/objectives/classic_objectives.h"

namespace wgan {
namespace {

// The penalty of a linear critic is (||w|| - 1)^2 at every interpolate.
using test::LinearCritic;

TEST(GradientPenalty, LinearCriticHasClosedFormPenalty) {
  LinearCritic critic(torch::tensor({3.0f, 4.0f}), 0.3f);  // ||w|| = 5
  auto real = torch::randn({16, 2});
  auto fake = torch::randn({16, 2});
  auto alpha = torch::rand({16});
  auto penalty = gradient_penalty(critic, real, fake, alpha);
  EXPECT_NEAR(penalty.item<double>(), 16.0, 1e-4);  // (5 - 1)^2
}

TEST(GradientPenalty, PenaltyBackPropagatesIntoWeights) {
  // d/dw lambda (||w|| - 1)^2 = 2 lambda (||w|| - 1) w / ||w||.
  LinearCritic critic(torch::tensor({3.0f, 4.0f}), 0.3f);
  const double lambda = 10.0;
  WganGpObjective objective(lambda);
  CriticBatch batch{torch::randn({32, 2}), torch::randn({32, 2}), torch::rand({32})};
  CriticLoss loss = objective.critic_loss(critic, batch);
  critic.zero_grad();
  // The penalty alone (the Wasserstein part has its own, different gradient).
  auto penalty_only = lambda * gradient_penalty(critic, batch.real, batch.fake, batch.alpha);
  penalty_only.backward();
  auto grad = critic.w.grad();
  EXPECT_NEAR(grad[0].item<double>(), 2 * lambda * 4.0 * 3.0 / 5.0, 1e-3);
  EXPECT_NEAR(grad[1].item<double>(), 2 * lambda * 4.0 * 4.0 / 5.0, 1e-3);
  EXPECT_TRUE(loss.penalty.defined());

  // A gradient step on the penalty shrinks ||w|| towards 1.
  torch::optim::SGD sgd(critic.parameters(), 0.001);
  sgd.step();
  EXPECT_LT(critic.w.norm().item<double>(), 5.0);
}

TEST(GradientPenalty, UsesOneAlphaPerSampleAndNormOverAllNonBatchDims) {
  auto real = torch::ones({2, 1, 2, 2});
  auto fake = torch::zeros({2, 1, 2, 2});
  auto x = interpolate(real, fake, torch::tensor({0.25f, 0.75f}));
  EXPECT_TRUE(torch::allclose(x[0], torch::full({1, 2, 2}, 0.25f)));
  EXPECT_TRUE(torch::allclose(x[1], torch::full({1, 2, 2}, 0.75f)));

  // Critic sum(x): gradient all ones over 4 values, norm 2 per sample.
  struct SumCritic : NetworkImpl {
    torch::Tensor forward(const torch::Tensor& x) override { return x.flatten(1).sum(1, true); }
  } critic;
  auto norms = critic_gradient_norms(critic, x);
  ASSERT_EQ(norms.sizes(), torch::IntArrayRef({2}));
  EXPECT_NEAR(norms[0].item<double>(), 2.0, 1e-6);
  EXPECT_NEAR(norms[1].item<double>(), 2.0, 1e-6);
}

}  // namespace
}  // namespace wgan

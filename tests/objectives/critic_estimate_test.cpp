// A WGAN-GP critic trained alone between two fixed Gaussians must learn their W1 distance.
#include <gtest/gtest.h>

#include "wgan/core/random.h"
#include "wgan/nets/mlp.h"
#include "wgan/objectives/classic_objectives.h"
#include "wgan/train/optimizer_factory.h"

namespace wgan {
namespace {

// Trains a critic alone between P = N(0, 1) and Q = N(3, 1) (W1 = 3, a shift) and returns its
// estimate mean D(P) - mean D(Q) on large fresh samples.
double trained_critic_estimate(double lambda) {
  torch::manual_seed(7);
  MLPOptions options;
  options.in = 1;
  options.output_shape = {1};
  options.width = 64;
  options.depth = 2;
  MLPImpl critic(options);
  WganGpObjective objective(lambda);
  torch::optim::Adam adam(critic.parameters(), torch::optim::AdamOptions(1e-3).betas({0.5, 0.9}));
  auto gen = make_generator(11, Stream::kRealBatch);
  for (int step = 0; step < 2000; ++step) {
    // The last quarter at a tenth of the rate: at 1e-3 Adam's steps keep the estimate moving by
    // about a tenth (2.92 at step 1,500 under LibTorch 2.x on an AMD EPYC, against 3.045), so
    // the critic settles on the optimum before it is read (3.056 and 3.454 with either LibTorch).
    if (step == 1500) set_lr(adam, 1e-4);
    CriticBatch batch{torch::randn({256, 1}, gen), torch::randn({256, 1}, gen) + 3.0,
                      torch::rand({256}, gen)};
    adam.zero_grad();
    objective.critic_loss(critic, batch).loss.backward();
    adam.step();
  }
  // Evaluate on large fresh samples, not a training batch.
  torch::NoGradGuard no_grad;
  auto p = torch::randn({200000, 1}, gen);
  auto q = torch::randn({200000, 1}, gen) + 3.0;
  return (critic.forward(p).mean() - critic.forward(q).mean()).item<double>();
}

// The penalty is soft: for a critic of slope s the objective is 3s - lambda (s - 1)^2, whose
// optimum s = 1 + 3 / (2 lambda) makes the estimate 3 (1 + 3 / (2 lambda)): 3.45 at the
// paper's lambda = 10, 3.045 at lambda = 100. The trained critic must land on that optimum.
TEST(WganGpCritic, EstimatesW1BetweenTwoGaussians) {
  const double estimate = trained_critic_estimate(100.0);
  EXPECT_NEAR(estimate, 3.0, 0.3) << "critic estimate " << estimate;
  EXPECT_NEAR(estimate, 3.0 * (1 + 3.0 / 200.0), 0.05);
}

TEST(WganGpCritic, PaperLambdaOverestimatesByTheClosedFormAmount) {
  const double estimate = trained_critic_estimate(10.0);
  EXPECT_NEAR(estimate, 3.0 * (1 + 3.0 / 20.0), 0.05) << "critic estimate " << estimate;
}

}  // namespace
}  // namespace wgan

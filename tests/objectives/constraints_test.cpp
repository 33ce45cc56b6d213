// Losses and constraints compose: a critic of known gradient gives the penalty in closed form
// whatever the loss, and the standard GAN with a gradient penalty trains and logs it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "../test_util.h"
#include "linear_critic.h"
#include "wgan/objectives/classic_objectives.h"
#include "wgan/objectives/objective_registry.h"

namespace wgan {
namespace {

using test::LinearCritic;

// A short 2-D run of the command line with these flags, logging every iteration; its output.
test::CommandResult short_run(const std::string& flags, const std::string& out) {
  return test::run_wgan("train " + flags + " --batch-size 32 --g-width 16 --d-width 16 --threads 1 "
                        "--eval-samples 50 --log-every 1 --quiet --out " + out);
}

TEST(Constraints, GanWithGradientPenaltyAddsTheTwoSidedPenalty) {
  ObjectiveOptions options;
  options.loss = "gan";
  options.constraint = "gp";
  options.gp_lambda = 3.0;
  auto composed = make_objective(options);
  EXPECT_TRUE(composed->needs_interpolation());
  GanObjective plain;  // the same loss without a constraint
  LinearCritic critic(torch::tensor({3.0f, 4.0f}));  // |w| = 5
  torch::manual_seed(1);
  CriticBatch batch{torch::randn({16, 2}), torch::randn({16, 2}), torch::rand({16})};
  const CriticLoss with = composed->critic_loss(critic, batch);
  const CriticLoss without = plain.critic_loss(critic, batch);
  ASSERT_TRUE(with.penalty.defined());
  EXPECT_FALSE(without.penalty.defined());
  EXPECT_NEAR(with.penalty.item<double>(), 16.0, 1e-4);  // (5 - 1)^2
  EXPECT_NEAR(with.loss.item<double>(), without.loss.item<double>() + 3.0 * 16.0, 1e-3);
  // The generator's loss is still the non-saturating one.
  EXPECT_NEAR(composed->generator_loss(batch.fake).item<double>(), plain.generator_loss(batch.fake).item<double>(), 1e-6);
}

// WGAN-LP penalises only gradients longer than 1: 0 for a linear critic with |w| <= 1,
// (|w| - 1)^2 above it; the two-sided penalty also penalises the short one.
TEST(Constraints, OneSidedPenaltyIsZeroInsideTheUnitBallAndSquaredOutside) {
  torch::manual_seed(2);
  CriticBatch batch{torch::randn({32, 2}), torch::randn({32, 2}), torch::rand({32})};
  ObjectiveOptions lp;
  lp.loss = "wgan";
  lp.constraint = "lp";
  lp.gp_lambda = 2.0;
  ObjectiveOptions gp = lp;
  gp.constraint = "gp";
  for (const auto& [w, expected] : std::vector<std::pair<std::vector<float>, double>>{
           {{0.6f, 0.8f}, 0.0}, {{0.3f, 0.4f}, 0.0}, {{3.0f, 4.0f}, 16.0}, {{1.2f, 1.6f}, 1.0}}) {
    LinearCritic critic(torch::tensor(w));
    const CriticLoss one_sided = make_objective(lp)->critic_loss(critic, batch);
    EXPECT_NEAR(one_sided.penalty.item<double>(), expected, 1e-5) << w[0] << "," << w[1];
    const double norm = std::hypot(w[0], w[1]);
    EXPECT_NEAR(make_objective(gp)->critic_loss(critic, batch).penalty.item<double>(), (norm - 1) * (norm - 1), 1e-5);
  }
  EXPECT_TRUE(constraint_entry("lp").needs_per_sample_critic);
}

// R1 of a linear critic is (gamma/2)|w|^2; lazily, every k-th step only and k times as heavy.
TEST(Constraints, R1OfALinearCriticIsHalfGammaTimesTheSquaredNorm) {
  torch::manual_seed(4);
  LinearCritic critic(torch::tensor({3.0f, 4.0f}));
  ObjectiveOptions r1;
  r1.loss = "gan";  // any loss: the penalty is added to it
  r1.constraint = "r1";
  r1.r1_gamma = 0.5;
  GanObjective bce;
  CriticBatch batch{torch::randn({16, 2}), torch::randn({16, 2}), {}};
  const CriticLoss with = make_objective(r1)->critic_loss(critic, batch);
  EXPECT_NEAR(with.penalty.item<double>(), 25.0, 1e-4);  // mean |grad D(real)|^2 = |w|^2
  EXPECT_NEAR(with.loss.item<double>(), bce.critic_loss(critic, batch).loss.item<double>() + 0.25 * 25.0, 1e-4);
  EXPECT_FALSE(make_objective(r1)->needs_interpolation());
  r1.r1_every = 4;
  auto lazy = make_objective(r1);
  for (int64_t step = 0; step < 8; ++step) {
    batch.critic_step = step;
    const CriticLoss loss = lazy->critic_loss(critic, batch);
    EXPECT_EQ(loss.penalty.defined(), step % 4 == 0) << step;
    if (loss.penalty.defined())
      EXPECT_NEAR(loss.loss.item<double>(), bce.critic_loss(critic, batch).loss.item<double>() + 4 * 0.25 * 25.0, 1e-3);
  }
}

TEST(Constraints, LazyR1IsLoggedOnTheStepsThatHaveIt) {
  test::TempDir dir;
  const auto r = short_run("--loss gan --constraint r1 --r1-every 2 --iters 4", dir / "run");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto records = test::metrics_without_time(dir / "run");
  ASSERT_EQ(records.size(), 4u);
  for (size_t i = 0; i < records.size(); ++i)  // one critic step per iteration: steps 0 and 2
    EXPECT_EQ(records[i].contains("gradient_penalty"), i % 2 == 0) << records[i].dump();
}

TEST(Constraints, AutoIsTheLossOwnAndEachLossKeepsItsMeaning) {
  for (const LossEntry& loss : losses()) {
    ObjectiveOptions o;
    o.loss = loss.name;
    EXPECT_EQ(resolved_constraint(o), loss.constraint) << loss.name;
  }
  ObjectiveOptions wgan;
  wgan.loss = "wgan";
  EXPECT_FALSE(make_objective(wgan)->needs_interpolation());
  wgan.constraint = "none";
  LinearCritic critic(torch::tensor({3.0f, 4.0f}));
  make_objective(wgan)->after_critic_step(critic);  // no clipping
  EXPECT_FLOAT_EQ(critic.w[1].item<float>(), 4.0f);
  wgan.constraint = "clip";
  make_objective(wgan)->after_critic_step(critic);
  EXPECT_FLOAT_EQ(critic.w[1].item<float>(), 0.01f);
  EXPECT_NE(test::usage_error_message([] { constraint_entry("lp2"); }).find("clip, gp, lp, r1, sn, none"), std::string::npos);
}

TEST(Constraints, GanWithGpFromTheCommandLineLogsThePenalty) {
  test::TempDir dir;
  const auto r = short_run("--loss gan --constraint gp --gp-lambda 5 --iters 3", dir / "run");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto config = nlohmann::json::parse(test::read_file(dir / "run/config.json"));
  EXPECT_EQ(config["loss"], "gan");
  EXPECT_EQ(config["constraint"], "gp");
  EXPECT_EQ(config["n_critic"], 1);  // the gan loss's own optimiser settings
  const auto records = test::metrics_without_time(dir / "run");
  ASSERT_EQ(records.size(), 3u);
  for (const auto& record : records) EXPECT_TRUE(record.contains("gradient_penalty")) << record.dump();
  // A batch-norm critic is refused under the penalty whatever the loss.
  test::expect_usage_error("train --loss gan --constraint gp --dataset cifar10 --data " + dir.path() +
                               " --norm-d batch --out " + dir / "bn",
                           "--norm-d batch");
}

}  // namespace
}  // namespace wgan

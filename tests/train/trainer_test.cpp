#include "wgan/train/trainer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../test_util.h"
#include "poisoned_source.h"
#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/run/run.h"
#include "wgan/train/batch_source_factory.h"

namespace wgan {
namespace {

TrainConfig small_config(const std::string& loss) {
  TrainConfig c;
  c.loss = loss;
  apply_loss_defaults(c);
  c.dataset = "gaussians8";
  c.batch_size = 32;
  c.g_width = c.d_width = 32;
  c.g_depth = c.d_depth = 2;
  c.seed = 3;
  resolve_automatic_choices(c);
  return c;
}

Trainer make_trainer(const TrainConfig& c) {
  return Trainer(c, make_networks(c), make_batch_source(c), torch::Device(torch::kCPU));
}

// Truncated noise is the normal distribution restricted to [-t, t]: its variance has the closed
// form 1 - 2 t phi(t) / (2 Phi(t) - 1), which clamping, rescaling or any other squeeze would miss.
TEST(TruncatedNoise, IsTheNormalDistributionRestrictedToTheInterval) {
  TrainConfig c = small_config("wgan-gp");
  c.nz = 100;
  const double t = 1.0;
  auto generator = make_generator(5, Stream::kFixedNoise);
  const torch::Tensor z = truncated_noise(c, 4000, t, generator).to(torch::kFloat64);
  EXPECT_LE(z.abs().max().item<double>(), t);
  const double pi = std::acos(-1.0);
  const double phi = std::exp(-t * t / 2) / std::sqrt(2 * pi);
  const double mass = std::erf(t / std::sqrt(2.0));                    // 2 Phi(t) - 1
  EXPECT_NEAR(z.var().item<double>(), 1 - 2 * t * phi / mass, 0.003);  // 400,000 values
  EXPECT_NEAR(z.mean().item<double>(), 0.0, 0.003);
  // The same seed gives the same noise; any interval however narrow is drawn at once (no
  // redrawing loop to hang), and a wide one is the normal distribution itself.
  auto again = make_generator(5, Stream::kFixedNoise);
  EXPECT_TRUE(torch::equal(truncated_noise(c, 4000, t, again).to(torch::kFloat64), z));
  auto narrow = make_generator(5, Stream::kFixedNoise), wide = make_generator(5, Stream::kFixedNoise);
  const torch::Tensor tiny = truncated_noise(c, 100, 1e-30, narrow);
  EXPECT_TRUE(torch::isfinite(tiny).all().item<bool>());
  EXPECT_LE(tiny.abs().max().item<double>(), 1e-30);
  EXPECT_NEAR(truncated_noise(c, 4000, 1e6, wide).var().item<double>(), 1.0, 0.01);
  // Uniform noise in [-1, 1] becomes uniform in [-t, t]: variance t^2 / 3.
  c.noise = Noise::kUniform;
  auto u = make_generator(6, Stream::kFixedNoise);
  const torch::Tensor half = truncated_noise(c, 4000, 0.5, u).to(torch::kFloat64);
  EXPECT_LE(half.abs().max().item<double>(), 0.5);
  EXPECT_NEAR(half.var().item<double>(), 0.25 / 3, 0.001);
}

TEST(Trainer, WganCriticParametersStayClippedAfterEveryStep) {
  TrainConfig c = small_config("wgan");
  c.optimizer_d.lr = 0.1;  // large steps, so unclipped weights would leave the box at once
  c.clip = 0.02;
  Trainer trainer = make_trainer(c);
  for (int i = 0; i < 3; ++i) {
    trainer.train_iteration();
    for (const auto& p : trainer.critic().parameters()) {
      EXPECT_LE(p.max().item<double>(), 0.02 + 1e-9);
      EXPECT_GE(p.min().item<double>(), -0.02 - 1e-9);
    }
  }
}

TEST(Trainer, GeneratorStepTrainsOnlyTheGenerator) {
  // With a zero critic learning rate, only the generator step can change anything.
  TrainConfig c = small_config("wgan-gp");
  c.optimizer_d.lr = 0.0;
  Trainer trainer = make_trainer(c);
  std::vector<torch::Tensor> critic_before, generator_before;
  for (const auto& p : trainer.critic().parameters()) critic_before.push_back(p.clone());
  for (const auto& p : trainer.generator().parameters()) generator_before.push_back(p.clone());
  trainer.train_iteration();
  auto critic_after = trainer.critic().parameters();
  for (size_t i = 0; i < critic_after.size(); ++i) {
    EXPECT_TRUE(torch::equal(critic_after[i], critic_before[i]));
    EXPECT_TRUE(critic_after[i].requires_grad());  // switched back on after the step
  }
  bool generator_moved = false;
  auto generator_after = trainer.generator().parameters();
  for (size_t i = 0; i < generator_after.size(); ++i)
    generator_moved |= !torch::equal(generator_after[i], generator_before[i]);
  EXPECT_TRUE(generator_moved);
}

// A WGAN-GP trainer on the CPU under --on-nan stop whose data is NaN from the first critic step
// of iteration 3 (n_critic real batches per iteration).
Trainer trainer_diverging_at_iteration_3() {
  TrainConfig c = small_config("wgan-gp");
  c.critic_warmup = false;
  c.on_nan = OnNan::kStop;
  auto source = std::make_shared<test::PoisonedSource>(make_batch_source(c), 2 * c.n_critic);
  return Trainer(c, make_networks(c), source, torch::Device(torch::kCPU));
}

TEST(Trainer, DivergenceIsNotedOnTheDeviceAndReadOnlyWhenAsked) {
  Trainer trainer = trainer_diverging_at_iteration_3();
  for (int i = 0; i < 5; ++i) EXPECT_NO_THROW(trainer.train_iteration());
  EXPECT_EQ(trainer.nonfinite_watch().reads(), 0);  // no host read in any optimiser step
  try {
    trainer.check_divergence();
    ADD_FAILURE() << "no divergence reported";
  } catch (const DivergenceError& e) {
    EXPECT_NE(std::string(e.what()).find("non-finite critic loss or gradient at iteration 3"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(trainer.nonfinite_watch().reads(), 1);
}

TEST(Trainer, OnTheCpuTheFreeDivergenceCheckStopsInTheIterationThatDiverged) {
  Trainer trainer = trainer_diverging_at_iteration_3();
  int64_t stopped_after = 0;
  for (int i = 0; i < 5 && stopped_after == 0; ++i) {
    trainer.train_iteration();
    try {
      trainer.check_divergence_if_free();
    } catch (const DivergenceError&) {
      stopped_after = trainer.iteration();
    }
  }
  EXPECT_EQ(stopped_after, 3);
  EXPECT_EQ(trainer.nonfinite_watch().reads(), 3);  // one read per iteration, each after the step
}

TEST(Trainer, DivergenceCheckPassesWhileEverythingIsFinite) {
  TrainConfig c = small_config("wgan-gp");
  Trainer trainer = make_trainer(c);
  for (int i = 0; i < 3; ++i) {
    trainer.train_iteration();
    EXPECT_NO_THROW(trainer.check_divergence());
  }
}

TEST(Trainer, SameSeedGivesIdenticalLosses) {
  for (const std::string loss : {"gan", "wgan", "wgan-gp"}) {
    TrainConfig c = small_config(loss);
    Trainer a = make_trainer(c), b = make_trainer(c);
    for (int i = 0; i < 4; ++i) {
      IterationValues va = to_values(a.train_iteration()), vb = to_values(b.train_iteration());
      EXPECT_EQ(va.loss_d, vb.loss_d) << loss;
      EXPECT_EQ(va.loss_g, vb.loss_g) << loss;
      EXPECT_EQ(va.penalty, vb.penalty) << loss;
    }
    c.seed = 4;
    Trainer other = make_trainer(c);
    Trainer again = make_trainer(small_config(loss));
    EXPECT_NE(to_values(other.train_iteration()).loss_d, to_values(again.train_iteration()).loss_d);
  }
}

TEST(Trainer, CriticWarmupRunsHundredStepsEarlyAndEvery500th) {
  TrainConfig c = small_config("wgan");
  c.critic_warmup = true;
  c.batch_size = 8;
  Trainer trainer = make_trainer(c);
  EXPECT_EQ(trainer.train_iteration().critic_steps, 100);
  c.critic_warmup = false;
  Trainer plain = make_trainer(c);
  EXPECT_EQ(plain.train_iteration().critic_steps, 5);
}

TEST(Trainer, WassersteinEstimateIsRealMinusFake) {
  TrainConfig c = small_config("wgan-gp");
  Trainer trainer = make_trainer(c);
  IterationValues v = to_values(trainer.train_iteration());
  EXPECT_DOUBLE_EQ(v.wasserstein_estimate, v.d_real - v.d_fake);
  EXPECT_TRUE(v.has_penalty);
  EXPECT_NEAR(v.loss_d, v.d_fake - v.d_real + c.gp_lambda * v.penalty, 1e-4);
}

}  // namespace
}  // namespace wgan

namespace wgan {
namespace {

// --augment on the real digits: the critic sees other inputs (its losses change), and the
// generator, whose output is augmented before the critic, is still trained.
TEST(Trainer, AugmentationChangesWhatTheCriticSeesAndTheGeneratorStillLearns) {
  const std::string mnist = test::mnist_dir();
  if (mnist.empty()) GTEST_SKIP() << "the MNIST test set is not available; set WGAN_MNIST_DIR";
  TrainConfig c;
  apply_loss_defaults(c);
  c.dataset = "mnist";
  c.data_dir = mnist;
  c.arch = "dcgan-mnist";
  c.ngf = c.ndf = 8;
  c.batch_size = 8;
  c.n_critic = 2;
  resolve_automatic_choices(c);
  validate(c);
  TrainConfig augmented = c;
  augmented.augment = "translation,cutout,color";
  validate(augmented);
  Trainer plain = make_trainer(c), with = make_trainer(augmented);
  std::vector<torch::Tensor> before;
  for (const auto& p : with.generator().parameters()) before.push_back(p.detach().clone());
  const IterationValues a = to_values(plain.train_iteration()), b = to_values(with.train_iteration());
  EXPECT_NE(a.d_real, b.d_real);
  EXPECT_NE(a.loss_g, b.loss_g);
  const auto after = with.generator().parameters();
  double moved = 0;
  for (size_t i = 0; i < after.size(); ++i) moved += (after[i] - before[i]).abs().sum().item<double>();
  EXPECT_GT(moved, 0);
}

}  // namespace
}  // namespace wgan

#include "wgan/config/config.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "wgan/config/presets.h"
#include "wgan/core/error.h"
#include "wgan/train/optimizer_factory.h"

namespace wgan {
namespace {

TEST(TrainConfig, JsonRoundTripKeepsEveryField) {
  TrainConfig c;
  apply_preset("seed001-grid", c);
  c.clip = std::nullopt;
  c.seed = 123456789012345ULL;
  TrainConfig back = config_from_json(nlohmann::json::parse(to_json(c).dump()));
  EXPECT_EQ(to_json(back), to_json(c));
  EXPECT_FALSE(back.clip);
  EXPECT_EQ(back.seed, c.seed);
}

TEST(TrainConfig, LossDefaultsAreThePapers) {
  TrainConfig c;
  c.loss = "wgan";
  apply_loss_defaults(c);
  EXPECT_EQ(c.optimizer_d.name, OptimizerKind::kRmsprop);
  EXPECT_DOUBLE_EQ(c.optimizer_d.lr, 5e-5);
  EXPECT_EQ(c.n_critic, 5);
  EXPECT_DOUBLE_EQ(c.clip.value(), 0.01);
  c.loss = "wgan-gp";
  apply_loss_defaults(c);
  EXPECT_EQ(c.optimizer_g.name, OptimizerKind::kAdam);
  EXPECT_DOUBLE_EQ(c.optimizer_g.lr, 1e-4);
  EXPECT_DOUBLE_EQ(c.optimizer_g.beta1, 0.5);
  EXPECT_DOUBLE_EQ(c.optimizer_g.beta2, 0.9);
  EXPECT_DOUBLE_EQ(c.gp_lambda, 10.0);
  c.loss = "gan";
  apply_loss_defaults(c);
  EXPECT_DOUBLE_EQ(c.optimizer_d.lr, 2e-4);
  EXPECT_DOUBLE_EQ(c.optimizer_d.beta2, 0.999);
  EXPECT_EQ(c.n_critic, 1);
}

TEST(TrainConfig, ValidationNamesTheBadValue) {
  TrainConfig c;
  resolve_automatic_choices(c);
  c.batch_size = 0;
  try {
    validate(c);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("--batch-size"), std::string::npos);
  }
  c = TrainConfig();
  resolve_automatic_choices(c);
  // A choice the enum does not have cannot be stored: config.json's value is refused as read.
  nlohmann::json j = to_json(c);
  j["noise"] = "cauchy";
  EXPECT_THROW(validate(config_from_json(j)), UsageError);
}

TEST(LearningRateSchedule, InverseTimeAndLinear) {
  TrainConfig c;
  c.iters = 100;
  c.lr_schedule = LrSchedule::kInverseTime;
  c.lr_decay = 1e-2;
  EXPECT_DOUBLE_EQ(scheduled_lr(c, 1.0, 100, 0), 0.5);
  c.lr_schedule = LrSchedule::kLinear;
  EXPECT_DOUBLE_EQ(scheduled_lr(c, 1.0, 0, 25), 0.75);
  EXPECT_DOUBLE_EQ(scheduled_lr(c, 1.0, 0, 100), 0.0);
  c.lr_schedule = LrSchedule::kConstant;
  EXPECT_DOUBLE_EQ(scheduled_lr(c, 0.3, 1000, 99), 0.3);
}

}  // namespace
}  // namespace wgan

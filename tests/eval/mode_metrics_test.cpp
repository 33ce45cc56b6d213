#include "wgan/eval/mode_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "wgan/data/toy.h"

namespace wgan {
namespace {

TEST(ModeMetrics, PerfectSamplesCoverEveryModeWithZeroKl) {
  auto d = ToyDistribution::from_name("gaussians25");
  auto samples = d.modes().repeat({100, 1});  // 100 exactly on each mode
  ModeMetrics m = mode_metrics(samples, d.modes(), d.mode_std());
  EXPECT_EQ(m.modes_covered, 25);
  EXPECT_EQ(m.modes_total, 25);
  EXPECT_DOUBLE_EQ(m.high_quality_fraction, 1.0);
  EXPECT_NEAR(m.reverse_kl, 0.0, 1e-12);
}

TEST(ModeMetrics, CollapseToOneModeGivesLogK) {
  auto d = ToyDistribution::from_name("gaussians25");
  auto samples = d.modes()[7].unsqueeze(0).repeat({500, 1});
  ModeMetrics m = mode_metrics(samples, d.modes(), d.mode_std());
  EXPECT_EQ(m.modes_covered, 1);
  EXPECT_NEAR(m.reverse_kl, std::log(25.0), 1e-9);
}

TEST(ModeMetrics, HighQualityThresholdIsThreeSigma) {
  auto d = ToyDistribution::from_name("gaussians8");
  auto mode = d.modes()[0];  // (1, 0), sigma 0.01
  auto inside = (mode + torch::tensor({0.0f, 0.029f})).unsqueeze(0);
  auto outside = (mode + torch::tensor({0.0f, 0.031f})).unsqueeze(0);
  ModeMetrics m = mode_metrics(torch::cat({inside, outside, outside, outside}), d.modes(), d.mode_std());
  EXPECT_DOUBLE_EQ(m.high_quality_fraction, 0.25);
  EXPECT_EQ(m.modes_covered, 1);
  // A mode whose nearest samples are all low quality is not covered.
  ModeMetrics none = mode_metrics(outside, d.modes(), d.mode_std());
  EXPECT_EQ(none.modes_covered, 0);
  // Reverse KL counts every sample by nearest mode, HQ or not: all 4 on mode 0 -> log 8.
  EXPECT_NEAR(m.reverse_kl, std::log(8.0), 1e-9);
}

}  // namespace
}  // namespace wgan

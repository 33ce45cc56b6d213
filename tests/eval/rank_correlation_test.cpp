// Spearman's rank correlation by hand, and the critic-tracking summary of a run's records.
#include "wgan/eval/rank_correlation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "wgan/eval/critic_tracking.h"

namespace wgan {
namespace {

TEST(RankCorrelation, TiesShareTheirMeanRank) {
  EXPECT_EQ(ranks({10, 20, 20, 5, 20}), (std::vector<double>{2, 4, 4, 1, 4}));
}

TEST(RankCorrelation, MonotoneIsOneReversedIsMinusOne) {
  const std::vector<double> x = {0.1, 3, -2, 8, 5};
  std::vector<double> cubed, negated;
  for (double v : x) cubed.push_back(v * v * v), negated.push_back(-v);
  EXPECT_DOUBLE_EQ(spearman(x, cubed), 1.0);
  EXPECT_DOUBLE_EQ(spearman(x, negated), -1.0);
  EXPECT_TRUE(std::isnan(spearman(x, {1, 1, 1, 1, 1})));
  // By hand: ranks (1 2 3 4) against (2 1 4 3): d^2 = 4, rho = 1 - 6*4 / (4*15) = 0.6.
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {2, 1, 4, 3}), 0.6, 1e-12);
}

TEST(CriticTracking, AveragesTheEstimateBetweenEvaluations) {
  // W estimate logged every iteration (= iteration), W1 evaluated every 2 (= 100 / iteration):
  // the window means (1.5, 3.5, ...) rise as W1 falls.
  std::vector<nlohmann::json> records;
  for (int it = 1; it <= 12; ++it) {
    nlohmann::json r = {{"iter", it}, {"wasserstein_estimate", it}};
    if (it % 2 == 0) r["w1"] = 100.0 / it;
    records.push_back(r);
  }
  const auto tracking = critic_tracking(records);
  ASSERT_EQ(tracking.size(), 1u);
  EXPECT_EQ(tracking[0].metric, "w1");
  EXPECT_EQ(tracking[0].evaluations, 6);
  EXPECT_DOUBLE_EQ(tracking[0].spearman, -1.0);
  records.resize(8);  // 4 evaluations: too few to say
  EXPECT_TRUE(critic_tracking(records).empty());
}

}  // namespace
}  // namespace wgan

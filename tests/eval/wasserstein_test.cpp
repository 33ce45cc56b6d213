// Exact Wasserstein distances against closed forms.
#include "wgan/eval/wasserstein.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wgan {
namespace {

TEST(Wasserstein1d, ShiftingASampleMovesEveryQuantileByTheShift) {
  torch::manual_seed(1);
  auto a = torch::randn({1000}, torch::kFloat64);
  for (double p : {1.0, 2.0, 3.0}) EXPECT_NEAR(wasserstein_1d(a, a + 0.75, p), 0.75, 1e-12) << p;
}

TEST(Wasserstein1d, ScalingASampleGivesItsAbsoluteMoment) {
  // Scaling by c > 0 keeps the order: W_p(a, c a) = |c - 1| (mean |a|^p)^(1/p).
  torch::manual_seed(2);
  auto a = torch::randn({777}, torch::kFloat64);
  for (double p : {1.0, 2.0}) {
    const double moment = std::pow(a.abs().pow(p).mean().item<double>(), 1.0 / p);
    EXPECT_NEAR(wasserstein_1d(a, 3 * a, p), 2 * moment, 1e-10) << p;
  }
}

TEST(Wasserstein1d, UnequalSizesAndWeightsByHand) {
  // {0, 1} against {0, 0.5, 1}: quantiles differ on (1/3, 1/2) by 0.5 and on (1/2, 2/3) by 0.5.
  auto a = torch::tensor({1.0, 0.0}, torch::kFloat64);
  auto b = torch::tensor({0.5, 0.0, 1.0}, torch::kFloat64);
  EXPECT_NEAR(wasserstein_1d(a, b, 1), 0.5 / 3, 1e-12);
  EXPECT_NEAR(wasserstein_1d(a, b, 2), std::sqrt(0.25 / 3), 1e-12);
  // Weights: all mass of a at 0 (weight 0 on 1) against a point mass at 2: W1 = 2.
  EXPECT_NEAR(wasserstein_1d(a, torch::tensor({2.0}, torch::kFloat64), 1,
                             torch::tensor({0.0, 1.0}, torch::kFloat64)), 2.0, 1e-12);
}

TEST(Wasserstein1d, CdfAreaEqualsTheQuantileIntegral) {
  torch::manual_seed(3);
  auto a = torch::randn({300}, torch::kFloat64);
  auto b = torch::rand({451}, torch::kFloat64) * 4 - 1;
  EXPECT_NEAR(wasserstein1_cdf(a, b), wasserstein_1d(a, b, 1), 1e-10);
}

TEST(GaussianW2, OneDimensionAndCommutingCovariances) {
  // 1-D: W2^2 = (m1 - m2)^2 + (s1 - s2)^2.
  auto w = gaussian_w2(torch::tensor({1.0}), torch::tensor({{4.0}}), torch::tensor({-2.0}),
                       torch::tensor({{9.0}}));
  EXPECT_NEAR(w, std::sqrt(9.0 + 1.0), 1e-10);
  // Diagonal covariances: the sum over coordinates of the 1-D terms.
  auto d = gaussian_w2(torch::zeros({3}), torch::diag(torch::tensor({1.0, 4.0, 9.0})),
                       torch::ones({3}), torch::diag(torch::tensor({4.0, 4.0, 1.0})));
  EXPECT_NEAR(d, std::sqrt(3.0 + 1.0 + 0.0 + 4.0), 1e-10);
}

TEST(GaussianW2, NonCommutingCovariancesAreSymmetricAndZeroOnSelf) {
  torch::manual_seed(4);
  auto x = torch::randn({5, 5}, torch::kFloat64), y = torch::randn({5, 5}, torch::kFloat64);
  auto c1 = x.matmul(x.t()) + torch::eye(5, torch::kFloat64);
  auto c2 = y.matmul(y.t()) + torch::eye(5, torch::kFloat64);
  auto m1 = torch::randn({5}, torch::kFloat64), m2 = torch::randn({5}, torch::kFloat64);
  EXPECT_NEAR(gaussian_w2(m1, c1, m1, c1), 0.0, 1e-6);
  EXPECT_NEAR(gaussian_w2(m1, c1, m2, c2), gaussian_w2(m2, c2, m1, c1), 1e-8);
  // Bounded below by the mean term and above by it plus the Frobenius-type bound on roots.
  const double mean_term = (m1 - m2).norm().item<double>();
  const double w = gaussian_w2(m1, c1, m2, c2);
  EXPECT_GE(w + 1e-12, mean_term);
  const double root_gap = (symmetric_sqrt(c1) - symmetric_sqrt(c2)).norm().item<double>();
  EXPECT_LE(w, std::sqrt(mean_term * mean_term + root_gap * root_gap) + 1e-8);
}

TEST(SymmetricSqrt, SquaresBack) {
  torch::manual_seed(5);
  auto x = torch::randn({6, 6}, torch::kFloat64);
  auto c = x.matmul(x.t());
  auto r = symmetric_sqrt(c);
  EXPECT_LT((r.matmul(r) - c).abs().max().item<double>(), 1e-9);
}

}  // namespace
}  // namespace wgan

namespace wgan {
namespace {

TEST(SlicedWasserstein, TranslationGivesTheMeanProjectedShift) {
  // A translation by v moves every projection onto u by u.v: sliced W1 = |v| E|cos| = |v| 2/pi
  // in 2-D.
  torch::manual_seed(6);
  auto a = torch::randn({400, 2}, torch::kFloat64);
  auto v = torch::tensor({3.0, 4.0}, torch::kFloat64);
  EXPECT_NEAR(sliced_wasserstein(a, a + v, 1, 4000, 1), 5 * 2 / M_PI, 0.05);
  EXPECT_NEAR(sliced_wasserstein(a, a, 1, 100, 1), 0.0, 1e-12);
}

}  // namespace
}  // namespace wgan

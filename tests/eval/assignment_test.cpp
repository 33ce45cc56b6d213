// The exact assignment solver against brute force, and exact W against closed forms.
#include "wgan/eval/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "wgan/eval/wasserstein.h"

namespace wgan {
namespace {

double brute_force_minimum(const torch::Tensor& cost) {
  const int64_t n = cost.size(0);
  std::vector<int64_t> perm(static_cast<size_t>(n));
  std::iota(perm.begin(), perm.end(), 0);
  auto c = cost.accessor<double, 2>();
  double best = 1e300;
  do {
    double total = 0;
    for (int64_t i = 0; i < n; ++i) total += c[i][perm[static_cast<size_t>(i)]];
    best = std::min(best, total);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

TEST(Assignment, MatchesBruteForceOnSmallRandomCosts) {
  torch::manual_seed(7);
  for (int trial = 0; trial < 40; ++trial) {
    const int64_t n = 1 + trial % 7;
    auto cost = torch::rand({n, n}, torch::kFloat64) * 10 - 2;  // negative costs too
    if (trial % 2) cost = cost.round().clamp(0, 3);              // many ties
    const auto match = solve_assignment(cost);
    std::vector<int64_t> sorted = match;
    std::sort(sorted.begin(), sorted.end());
    for (int64_t i = 0; i < n; ++i) ASSERT_EQ(sorted[static_cast<size_t>(i)], i) << "not a permutation";
    double total = 0;
    for (int64_t i = 0; i < n; ++i) total += cost[i][match[static_cast<size_t>(i)]].item<double>();
    EXPECT_NEAR(total, brute_force_minimum(cost), 1e-9) << "n = " << n;
  }
}

TEST(ExactWasserstein, OneDimensionalSetsMatchTheSortedCoupling) {
  torch::manual_seed(8);
  auto a = torch::randn({200, 1}, torch::kFloat64), b = torch::rand({200, 1}, torch::kFloat64) * 3;
  for (double p : {1.0, 2.0}) EXPECT_NEAR(exact_wasserstein(a, b, p), wasserstein_1d(a, b, p), 1e-9);
}

TEST(ExactWasserstein, TranslationCostsItsLength) {
  // Translating a set by v: the identity coupling costs |v|, and no coupling does better
  // (W1 >= |difference of means|).
  torch::manual_seed(9);
  auto a = torch::randn({150, 2}, torch::kFloat64);
  auto v = torch::tensor({0.3, -0.4}, torch::kFloat64);
  EXPECT_NEAR(exact_wasserstein(a, a + v, 1), 0.5, 1e-9);
  EXPECT_NEAR(exact_wasserstein(a, a.flip(0), 1), 0.0, 1e-12);  // same set, another order
}

}  // namespace
}  // namespace wgan

// Precision, recall, density and coverage against their brute-force definitions on small sets,
// and their values for one distribution sampled twice (coverage's expectation in closed form)
// and for two distributions far apart.
#include "wgan/eval/manifold_metrics.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace wgan {
namespace {

using Points = std::vector<std::vector<double>>;

Points to_points(const torch::Tensor& t) {
  const auto a = t.to(torch::kFloat64).contiguous();
  Points p(a.size(0), std::vector<double>(a.size(1)));
  for (int64_t i = 0; i < a.size(0); ++i)
    for (int64_t j = 0; j < a.size(1); ++j) p[i][j] = a[i][j].item<double>();
  return p;
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(s);
}

// The k-th smallest distance from p[i] to the other points, by sorting.
double kth(const Points& p, size_t i, int k) {
  std::vector<double> d;
  for (size_t j = 0; j < p.size(); ++j)
    if (j != i) d.push_back(distance(p[i], p[j]));
  std::sort(d.begin(), d.end());
  return d[k - 1];
}

TEST(ManifoldMetrics, EqualTheBruteForceDefinitions) {
  torch::manual_seed(4);
  const auto real_t = torch::randn({40, 3}), fake_t = torch::randn({30, 3}) * 1.3 + 0.4;
  const Points real = to_points(real_t), fake = to_points(fake_t);
  double precision = 0, recall = 0, density = 0, coverage = 0;
  for (const auto& y : fake) {
    bool inside = false;
    for (size_t i = 0; i < real.size(); ++i) {
      inside |= distance(y, real[i]) <= kth(real, i, 3);
      density += distance(y, real[i]) <= kth(real, i, 5);
    }
    precision += inside;
  }
  for (size_t i = 0; i < real.size(); ++i) {
    bool inside = false, covered = false;
    for (size_t j = 0; j < fake.size(); ++j) {
      inside |= distance(real[i], fake[j]) <= kth(fake, j, 3);
      covered |= distance(real[i], fake[j]) <= kth(real, i, 5);
    }
    recall += inside;
    coverage += covered;
  }
  const ManifoldMetrics m = manifold_metrics(real_t, fake_t);
  EXPECT_NEAR(m.precision, precision / fake.size(), 1e-12);
  EXPECT_NEAR(m.recall, recall / real.size(), 1e-12);
  EXPECT_NEAR(m.density, density / (5.0 * fake.size()), 1e-12);
  EXPECT_NEAR(m.coverage, coverage / real.size(), 1e-12);
  EXPECT_GT(m.precision, 0);  // a meaningful case: none of the four at an extreme
  EXPECT_LT(m.recall, 1);
  for (size_t i = 0; i < real.size(); ++i)
    EXPECT_NEAR(kth_neighbour_distances(real_t, 3)[i].item<double>(), kth(real, i, 3), 1e-12);
}

TEST(ManifoldMetrics, OneDistributionSampledTwiceScoresAboutOne) {
  torch::manual_seed(5);
  const int64_t n = 3000, k = 5;
  const auto real = torch::randn({n, 2}), fake = torch::randn({n, 2});
  const ManifoldMetrics m = manifold_metrics(real, fake);
  EXPECT_GT(m.precision, 0.9);
  EXPECT_GT(m.recall, 0.9);
  EXPECT_NEAR(m.density, 1.0, 0.05);  // its expectation is 1 (Naeem et al.)
  // A real ball misses every fake when its k nearest among the other 2n - 1 points are all real:
  // E[coverage] = 1 - prod_j (n - 1 - j) / (2n - 1 - j).
  double all_real = 1;
  for (int64_t j = 0; j < k; ++j) all_real *= static_cast<double>(n - 1 - j) / static_cast<double>(2 * n - 1 - j);
  EXPECT_NEAR(m.coverage, 1 - all_real, 0.01);
}

TEST(ManifoldMetrics, WellSeparatedDistributionsScoreZero) {
  torch::manual_seed(6);
  const auto real = torch::randn({500, 4}), fake = torch::randn({400, 4}) + 100;
  const ManifoldMetrics m = manifold_metrics(real, fake);
  EXPECT_EQ(m.precision, 0);
  EXPECT_EQ(m.recall, 0);
  EXPECT_EQ(m.density, 0);
  EXPECT_EQ(m.coverage, 0);
}

}  // namespace
}  // namespace wgan

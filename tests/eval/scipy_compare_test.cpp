// The distances against an independent implementation: SciPy (Debian's python3-scipy), called on
// the same random inputs. Skipped where SciPy is missing (scripts/setup.sh installs it).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../test_util.h"
#include "wgan/eval/assignment.h"
#include "wgan/eval/rank_correlation.h"
#include "wgan/eval/wasserstein.h"

namespace wgan {
namespace {

// A tensor as CSV rows with full float64 precision (numpy.loadtxt reads it back exactly).
void write_csv(const torch::Tensor& t, const std::string& path) {
  auto m = t.to(torch::kFloat64).contiguous().view({t.size(0), -1});
  std::ofstream out(path);
  out.precision(17);
  for (int64_t i = 0; i < m.size(0); ++i)
    for (int64_t j = 0; j < m.size(1); ++j)
      out << m[i][j].item<double>() << (j + 1 == m.size(1) ? '\n' : ',');
}

// Runs `script` (Python, with sys, numpy as np and scipy imported; D is the directory of the
// CSV files) and returns the numbers it prints, one per line.
std::vector<double> scipy_numbers(const test::TempDir& dir, const std::string& script) {
  std::ofstream(dir / "check.py") << "import sys, numpy as np, scipy.stats, scipy.optimize, scipy.linalg\n"
                                  << "D = sys.argv[1]\n"
                                  << "def load(name): return np.loadtxt(D + '/' + name, delimiter=',', ndmin=2)\n"
                                  << script;
  const auto result = test::run_python((dir / "check.py") + " " + dir.path());
  EXPECT_EQ(result.status, 0) << result.output;
  std::istringstream lines(result.output);
  std::vector<double> numbers;
  for (double x; lines >> x;) numbers.push_back(x);
  return numbers;
}

class SciPy : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::python_has_module("scipy.optimize")) GTEST_SKIP() << "python3-scipy is not installed";
  }
  test::TempDir dir;
};

TEST_F(SciPy, OneDimensionalW1MatchesWassersteinDistance) {
  // Unequal sizes, unequal weights, ties: scipy.stats.wasserstein_distance is W1 through CDFs.
  torch::manual_seed(21);
  const int trials = 6;
  std::vector<double> ours;
  for (int t = 0; t < trials; ++t) {
    const int64_t n = 5 + 37 * t, m = 3 + 53 * t;
    auto a = torch::randn({n}, torch::kFloat64) * (1 + t);
    auto b = (torch::rand({m}, torch::kFloat64) * 4).round();  // many ties
    auto wa = torch::rand({n}, torch::kFloat64), wb = torch::rand({m}, torch::kFloat64);
    const std::string k = std::to_string(t);
    write_csv(a, dir / ("a" + k)), write_csv(b, dir / ("b" + k));
    write_csv(wa, dir / ("wa" + k)), write_csv(wb, dir / ("wb" + k));
    ours.push_back(wasserstein_1d(a, b));
    ours.push_back(wasserstein_1d(a, b, 1, wa, wb));
    ours.push_back(wasserstein1_cdf(a, b));
  }
  const auto theirs = scipy_numbers(dir,
      "for t in range(" + std::to_string(trials) + "):\n"
      "  a, b = load(f'a{t}').ravel(), load(f'b{t}').ravel()\n"
      "  wa, wb = load(f'wa{t}').ravel(), load(f'wb{t}').ravel()\n"
      "  d = scipy.stats.wasserstein_distance(a, b)\n"
      "  print(repr(d)); print(repr(scipy.stats.wasserstein_distance(a, b, wa, wb))); print(repr(d))\n");
  ASSERT_EQ(theirs.size(), ours.size());
  for (size_t i = 0; i < ours.size(); ++i) EXPECT_NEAR(ours[i], theirs[i], 1e-10 * (1 + theirs[i])) << i;
}

TEST_F(SciPy, AssignmentMatchesLinearSumAssignment) {
  // The optimal total cost (the assignment itself may differ where costs tie): random dense
  // costs and Euclidean costs between clustered point sets, sizes up to 400.
  torch::manual_seed(22);
  std::vector<double> ours;
  const std::vector<int64_t> sizes = {1, 2, 9, 50, 200, 400};
  for (size_t t = 0; t < sizes.size(); ++t) {
    const int64_t n = sizes[t];
    torch::Tensor cost;
    if (t % 2 == 0) {
      cost = torch::rand({n, n}, torch::kFloat64) * 100 - 30;
    } else {
      auto centres = torch::randn({5, 2}, torch::kFloat64) * 4;
      auto x = centres.index({torch::randint(5, {n})}) + 0.1 * torch::randn({n, 2}, torch::kFloat64);
      auto y = centres.index({torch::randint(3, {n})}) + 0.3 * torch::randn({n, 2}, torch::kFloat64);
      cost = torch::cdist(x, y);
    }
    write_csv(cost, dir / ("c" + std::to_string(t)));
    const auto match = solve_assignment(cost);
    double total = 0;
    for (int64_t i = 0; i < n; ++i) total += cost[i][match[static_cast<size_t>(i)]].item<double>();
    ours.push_back(total);
  }
  const auto theirs = scipy_numbers(dir,
      "for t in range(" + std::to_string(sizes.size()) + "):\n"
      "  c = load(f'c{t}')\n"
      "  r, k = scipy.optimize.linear_sum_assignment(c)\n"
      "  print(repr(c[r, k].sum()))\n");
  ASSERT_EQ(theirs.size(), ours.size());
  for (size_t i = 0; i < ours.size(); ++i)
    EXPECT_NEAR(ours[i], theirs[i], 1e-9 * (1 + std::abs(theirs[i]))) << "n = " << sizes[i];
}

TEST_F(SciPy, MatrixSquareRootAndGaussianW2MatchSqrtm) {
  // symmetric_sqrt against scipy.linalg.sqrtm on random SPD matrices (one nearly singular), and
  // gaussian_w2 against the formula evaluated with sqrtm.
  torch::manual_seed(23);
  std::vector<double> ours;
  const std::vector<int64_t> dims = {1, 2, 5, 16, 64};
  for (size_t t = 0; t < dims.size(); ++t) {
    const int64_t d = dims[t];
    auto f1 = torch::randn({d, d}, torch::kFloat64), f2 = torch::randn({d, d + 3}, torch::kFloat64);
    auto c1 = f1.matmul(f1.t()) + (t == 3 ? 0.0 : 0.1) * torch::eye(d, torch::kFloat64);
    auto c2 = f2.matmul(f2.t()) / d;
    auto m1 = torch::randn({d}, torch::kFloat64), m2 = torch::randn({d}, torch::kFloat64);
    const std::string k = std::to_string(t);
    write_csv(c1, dir / ("c1" + k)), write_csv(c2, dir / ("c2" + k));
    write_csv(m1, dir / ("m1" + k)), write_csv(m2, dir / ("m2" + k));
    const auto root = symmetric_sqrt(c2);
    write_csv(root, dir / ("root" + k));
    ours.push_back(gaussian_w2(m1, c1, m2, c2));
  }
  const auto theirs = scipy_numbers(dir,
      "for t in range(" + std::to_string(dims.size()) + "):\n"
      "  c1, c2, m1, m2 = (load(f'{n}{t}') for n in ('c1', 'c2', 'm1', 'm2'))\n"
      "  r2 = scipy.linalg.sqrtm(c2).real\n"
      "  print(repr(np.abs(r2 - load(f'root{t}')).max() / (1 + np.abs(r2).max())))\n"
      "  cross = scipy.linalg.sqrtm(r2 @ c1 @ r2).real\n"
      "  w2sq = ((m1 - m2) ** 2).sum() + np.trace(c1 + c2 - 2 * cross)\n"
      "  print(repr(np.sqrt(max(w2sq, 0))))\n");
  ASSERT_EQ(theirs.size(), 2 * ours.size());
  for (size_t t = 0; t < ours.size(); ++t) {
    EXPECT_LT(theirs[2 * t], 1e-8) << "square root differs, d = " << dims[t];
    EXPECT_NEAR(ours[t], theirs[2 * t + 1], 1e-7 * (1 + theirs[2 * t + 1])) << "d = " << dims[t];
  }
}

TEST_F(SciPy, ExactW1OfPointSetsMatchesAssignmentThroughScipy) {
  // exact_wasserstein end to end (distances, solver, mean) against cdist + linear_sum_assignment.
  torch::manual_seed(24);
  auto a = torch::randn({300, 3}, torch::kFloat64), b = torch::rand({300, 3}, torch::kFloat64) * 2;
  write_csv(a, dir / "a"), write_csv(b, dir / "b");
  const auto theirs = scipy_numbers(dir,
      "import scipy.spatial\n"
      "c = scipy.spatial.distance.cdist(load('a'), load('b'))\n"
      "r, k = scipy.optimize.linear_sum_assignment(c)\n"
      "print(repr(c[r, k].mean()))\n"
      "r, k = scipy.optimize.linear_sum_assignment(c ** 2)\n"
      "print(repr(np.sqrt((c[r, k] ** 2).mean())))\n");
  ASSERT_EQ(theirs.size(), 2u);
  EXPECT_NEAR(exact_wasserstein(a, b, 1), theirs[0], 1e-10);
  EXPECT_NEAR(exact_wasserstein(a, b, 2), theirs[1], 1e-10);
}

TEST_F(SciPy, SpearmanMatchesSpearmanr) {
  torch::manual_seed(25);
  std::vector<double> ours;
  for (int t = 0; t < 5; ++t) {
    const int64_t n = 5 + 40 * t;
    auto x = (torch::rand({n}, torch::kFloat64) * (t % 2 ? 5 : 1000)).round();  // ties when t is odd
    auto y = x + torch::randn({n}, torch::kFloat64) * 3 * t;
    write_csv(x, dir / ("x" + std::to_string(t))), write_csv(y, dir / ("y" + std::to_string(t)));
    const auto vx = std::vector<double>(x.data_ptr<double>(), x.data_ptr<double>() + n);
    const auto vy = std::vector<double>(y.data_ptr<double>(), y.data_ptr<double>() + n);
    ours.push_back(spearman(vx, vy));
  }
  const auto theirs = scipy_numbers(dir,
      "for t in range(5):\n"
      "  print(repr(scipy.stats.spearmanr(load(f'x{t}').ravel(), load(f'y{t}').ravel())[0]))\n");
  ASSERT_EQ(theirs.size(), ours.size());
  for (size_t i = 0; i < ours.size(); ++i) EXPECT_NEAR(ours[i], theirs[i], 1e-12) << i;
}

}  // namespace
}  // namespace wgan

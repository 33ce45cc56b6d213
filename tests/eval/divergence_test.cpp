// Divergences by hand and the paper's examples against their closed forms.
#include "wgan/eval/divergence.h"

#include <gtest/gtest.h>

#include <cmath>

#include "wgan/eval/paper_examples.h"

namespace wgan {
namespace {

torch::Tensor probabilities(std::vector<double> p) { return torch::tensor(p, torch::kFloat64); }

TEST(Divergences, ByHandOnThreeOutcomes) {
  const auto p = probabilities({0.5, 0.5, 0}), q = probabilities({0.25, 0.25, 0.5});
  EXPECT_NEAR(kl_divergence(p, q), std::log(2.0), 1e-12);  // 2 * 0.5 log(0.5 / 0.25)
  EXPECT_TRUE(std::isinf(kl_divergence(q, p)));            // q has mass where p has none
  EXPECT_NEAR(total_variation(p, q), 0.5, 1e-12);
  // m = (3/8, 3/8, 1/4): JS = 1/2 [log(4/3)] + 1/2 [1/2 log(2/3) + 1/2 log 2]
  const double js = 0.5 * std::log(4.0 / 3) + 0.5 * (0.5 * std::log(2.0 / 3) + 0.5 * std::log(2.0));
  EXPECT_NEAR(js_divergence(p, q), js, 1e-12);
  EXPECT_NEAR(js_divergence(q, p), js, 1e-12);
  EXPECT_NEAR(kl_divergence(p * 7, q * 3), std::log(2.0), 1e-12) << "weights are normalised";
}

TEST(Divergences, DisjointSupportsSaturate) {
  const auto p = probabilities({0.2, 0.8, 0, 0}), q = probabilities({0, 0, 0.6, 0.4});
  EXPECT_NEAR(js_divergence(p, q), std::log(2.0), 1e-12);
  EXPECT_DOUBLE_EQ(total_variation(p, q), 1.0);
  EXPECT_TRUE(std::isinf(kl_divergence(p, q)));
  EXPECT_EQ(kl_divergence(p, p), 0.0);
}

TEST(Divergences, CommonSupportMergesEqualPoints) {
  const auto a = torch::tensor({{0.0, 1.0}, {2.0, 3.0}, {0.0, 1.0}}, torch::kFloat64);
  const auto b = torch::tensor({{2.0, 3.0}, {5.0, 5.0}}, torch::kFloat64);
  const auto [p, q] = on_common_support(a, b);
  ASSERT_EQ(p.numel(), 3);  // (0, 1), (2, 3), (5, 5)
  EXPECT_TRUE(torch::allclose(p / p.sum(), probabilities({2.0 / 3, 1.0 / 3, 0})));
  EXPECT_TRUE(torch::allclose(q / q.sum(), probabilities({0, 0.5, 0.5})));
}

TEST(PaperExamples, ParallelLinesMatchTheWganPaper) {
  for (const auto& r : parallel_lines({-0.7, -0.05, 0.0, 0.3, 1.0}, 50)) {
    EXPECT_NEAR(r.w1, std::fabs(r.parameter), 1e-12) << r.parameter;
    if (r.parameter == 0) {
      EXPECT_EQ(r.js, 0.0);
      EXPECT_EQ(r.kl, 0.0);
      EXPECT_EQ(r.tv, 0.0);
    } else {
      EXPECT_NEAR(r.js, std::log(2.0), 1e-12) << r.parameter;
      EXPECT_TRUE(std::isinf(r.kl)) << r.parameter;
      EXPECT_DOUBLE_EQ(r.tv, 1.0) << r.parameter;
    }
  }
}

TEST(PaperExamples, ShiftedGaussiansMatchTheirClosedForms) {
  double previous_js = -1;
  for (const auto& r : gaussian_shift({0.0, 0.5, 1.0, 2.0, 4.0, 8.0})) {
    const double mu = r.parameter;
    EXPECT_NEAR(r.w1, mu, 1e-9);
    EXPECT_NEAR(r.kl, mu * mu / 2, 1e-6 + 1e-4 * mu * mu) << mu;
    EXPECT_NEAR(r.tv, 2 * 0.5 * std::erfc(-mu / 2 / std::sqrt(2.0)) - 1, 1e-4) << mu;
    EXPECT_GT(r.js, previous_js) << "JS grows with the shift";
    EXPECT_LT(r.js, std::log(2.0));
    previous_js = r.js;
  }
  EXPECT_GT(previous_js, std::log(2.0) - 0.01) << "and saturates at log 2 once apart";
}

}  // namespace
}  // namespace wgan

// Entropic transport against the exact solutions it approximates.
#include "wgan/eval/sinkhorn.h"

#include <gtest/gtest.h>

#include "wgan/eval/assignment.h"
#include "wgan/eval/wasserstein.h"

namespace wgan {
namespace {

TEST(Sinkhorn, ApproachesTheExactDistanceFromAboveAsEpsilonShrinks) {
  torch::manual_seed(31);
  auto a = torch::randn({120, 2}, torch::kFloat64);
  auto b = torch::randn({120, 2}, torch::kFloat64) * 0.5 + torch::tensor({1.5, 0.0}, torch::kFloat64);
  for (double p : {1.0, 2.0}) {
    const double exact = exact_wasserstein(a, b, p);
    double previous_gap = 1e300;
    for (double eps : {1e-1, 1e-2, 1e-3}) {
      SinkhornOptions o;
      o.p = p, o.epsilon = eps;
      const SinkhornResult r = sinkhorn_wasserstein(a, b, o);
      ASSERT_TRUE(r.converged) << "p " << p << " eps " << eps << " error " << r.marginal_error << " after " << r.iterations;
      EXPECT_LT(r.marginal_error, o.tolerance);
      const double gap = r.distance - exact;
      EXPECT_GT(gap, -1e-4) << "a feasible plan cannot beat the optimum (marginals within 1e-5)";
      EXPECT_LT(gap, previous_gap) << "p " << p << " eps " << eps;
      previous_gap = gap;
    }
    EXPECT_LT(previous_gap, 0.01 * exact) << "p " << p;
  }
}

TEST(Sinkhorn, UnequalSizesMatchTheOneDimensionalFormula) {
  torch::manual_seed(32);
  auto a = torch::randn({90, 1}, torch::kFloat64), b = torch::rand({150, 1}, torch::kFloat64) * 3;
  SinkhornOptions o;
  o.epsilon = 1e-4;
  const SinkhornResult r = sinkhorn_wasserstein(a, b, o);
  ASSERT_TRUE(r.converged);
  const double exact = wasserstein_1d(a, b, 1);
  EXPECT_GT(r.distance, exact - 1e-4);  // the plan meets its marginals within 1e-5
  EXPECT_LT(r.distance, exact * 1.01);
}

TEST(Sinkhorn, TranslatedSetCostsTheTranslation) {
  torch::manual_seed(33);
  auto a = torch::randn({80, 3}, torch::kFloat64);
  SinkhornOptions o;
  o.p = 2;
  o.epsilon = 1e-4;
  const double shift = 10;  // far larger than the spread: the translation is the only plan
  const SinkhornResult r = sinkhorn_wasserstein(a, a + shift / std::sqrt(3.0), o);
  EXPECT_NEAR(r.distance, shift, 1e-3);
}

TEST(Sinkhorn, RefusesBadInput) {
  auto a = torch::zeros({3, 2}), b = torch::zeros({3, 3});
  EXPECT_ANY_THROW(sinkhorn_wasserstein(a, b));
  SinkhornOptions o;
  o.epsilon = 0;
  EXPECT_ANY_THROW(sinkhorn_wasserstein(a, a, o));
  EXPECT_EQ(sinkhorn_wasserstein(a, a).distance, 0.0);
}

}  // namespace
}  // namespace wgan

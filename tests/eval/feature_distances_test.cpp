// FID, KID and the classifier score against closed forms and a direct computation; the feature
// network's input convention.
#include "wgan/eval/feature_distances.h"

#include <gtest/gtest.h>
#include <torch/script.h>

#include <cmath>

#include "../test_util.h"
#include "wgan/eval/feature_network.h"

namespace wgan {
namespace {

TEST(Fid, DiagonalGaussiansMatchTheClosedForm) {
  // Commuting covariances: FID = |mu1 - mu2|^2 + sum (sqrt(a_i) - sqrt(b_i))^2.
  const auto a = torch::tensor({1.0, 4.0, 0.25}, torch::kFloat64), b = torch::tensor({9.0, 1.0, 0.25}, torch::kFloat64);
  FeatureStatistics s1{torch::tensor({0.0, 1.0, 2.0}, torch::kFloat64), torch::diag(a)};
  FeatureStatistics s2{torch::tensor({1.0, 1.0, 0.0}, torch::kFloat64), torch::diag(b)};
  EXPECT_NEAR(frechet_distance(s1, s2), 5.0 + (4.0 + 1.0 + 0.0), 1e-10);
  EXPECT_NEAR(frechet_distance(s1, s1), 0.0, 1e-10);
}

TEST(Fid, TranslatedFeaturesCostTheSquaredShift) {
  torch::manual_seed(41);
  const auto x = torch::randn({500, 6}, torch::kFloat64) * torch::rand({6}, torch::kFloat64);
  const auto shift = torch::tensor({0.5, 0.0, 0.0, -1.0, 0.0, 2.0}, torch::kFloat64);
  EXPECT_NEAR(frechet_distance(feature_statistics(x), feature_statistics(x + shift)), 5.25, 1e-8);
}

TEST(Fid, GaussianFeatureSetsApproachTheClosedForm) {
  // Features drawn from N(m1, S1) and N(m2, S2) with non-commuting covariances: the FID of the
  // samples tends to the Gaussians' (computed with the closed form through eigenvalues here).
  torch::manual_seed(42);
  const int64_t n = 200000;
  const auto l1 = torch::tensor({{1.0, 0.0}, {0.8, 0.6}}, torch::kFloat64);
  const auto l2 = torch::tensor({{2.0, 0.0}, {-0.5, 0.5}}, torch::kFloat64);
  const auto m1 = torch::tensor({0.0, 0.0}, torch::kFloat64), m2 = torch::tensor({1.0, -1.0}, torch::kFloat64);
  const auto x = torch::randn({n, 2}, torch::kFloat64).matmul(l1.t()) + m1;
  const auto y = torch::randn({n, 2}, torch::kFloat64).matmul(l2.t()) + m2;
  const auto s1 = l1.matmul(l1.t()), s2 = l2.matmul(l2.t());
  // 2x2: tr sqrt(M) = sqrt(tr M + 2 sqrt(det M)) for M = S1 S2 (positive eigenvalues).
  const auto m = s1.matmul(s2);
  const double tr_sqrt = std::sqrt(m.trace().item<double>() + 2 * std::sqrt(m.det().item<double>()));
  const double closed = 2.0 + (s1.trace() + s2.trace()).item<double>() - 2 * tr_sqrt;
  EXPECT_NEAR(frechet_distance(feature_statistics(x), feature_statistics(y)), closed, 0.03 * closed);
}

// The unbiased MMD^2 with k(x, y) = (x.y / d + 1)^3, by loops.
double direct_mmd(const torch::Tensor& x, const torch::Tensor& y) {
  const int64_t m = x.size(0), d = x.size(1);
  auto k = [d](const torch::Tensor& a, const torch::Tensor& b) {
    return std::pow(a.dot(b).item<double>() / static_cast<double>(d) + 1, 3);
  };
  double xx = 0, yy = 0, xy = 0;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < m; ++j) {
      if (i != j) xx += k(x[i], x[j]), yy += k(y[i], y[j]);
      xy += k(x[i], y[j]);
    }
  return (xx + yy) / static_cast<double>(m * (m - 1)) - 2 * xy / static_cast<double>(m * m);
}

TEST(Kid, OneFullSubsetIsTheUnbiasedMmd) {
  torch::manual_seed(43);
  const auto x = torch::randn({30, 4}, torch::kFloat64), y = torch::randn({30, 4}, torch::kFloat64) + 0.5;
  const KernelDistance kid = kernel_inception_distance(x, y, 1, 30);
  EXPECT_NEAR(kid.mean, direct_mmd(x, y), 1e-10);
  EXPECT_EQ(kid.std, 0.0);
}

TEST(Kid, NearZeroForOneDistributionPositiveForTwo) {
  torch::manual_seed(44);
  const auto x = torch::randn({2000, 8}), y = torch::randn({2000, 8}), z = torch::randn({2000, 8}) * 1.3 + 0.3;
  const KernelDistance same = kernel_inception_distance(x, y, 50, 500);
  const KernelDistance apart = kernel_inception_distance(x, z, 50, 500);
  // Within a few standard errors of the mean (std over the 50 subsets / sqrt 50) of 0 for one
  // distribution (the estimate is unbiased), many of them above 0 for two.
  const double root = std::sqrt(50.0);
  EXPECT_LT(std::fabs(same.mean), 3 * same.std / root);
  EXPECT_GT(apart.mean, 5 * apart.std / root);
  EXPECT_GT(apart.mean, 20 * std::fabs(same.mean));
}

TEST(ClassifierScore, EvenConfidentPredictionsScoreTheClassCount) {
  // Confident one-hot predictions spread evenly over K classes: KL(p(y|x) || p(y)) = log K.
  const auto confident = torch::eye(5, torch::kFloat64).repeat({4, 1}) * 60;
  EXPECT_NEAR(classifier_score(confident), 5.0, 1e-6);
  EXPECT_NEAR(classifier_score(torch::zeros({7, 5})), 1.0, 1e-12);  // uniform predictions
  const auto same = torch::tensor({0.0, 9.0, 1.0}).repeat({6, 1});
  EXPECT_NEAR(classifier_score(same), 1.0, 1e-9);                    // all alike
  EXPECT_TRUE(torch::equal(class_histogram(confident.to(torch::kFloat32)), torch::full({5}, 4, torch::kInt64)));
}

TEST(FeatureNetwork, FollowsTheInceptionInputConvention) {
  // A module in the stylegan2-ada convention: forward(x, return_features) on [0, 255] RGB.
  // Its features are the channel means, so the conversion of [-1, 1] grey images shows.
  test::TempDir dir;
  torch::jit::Module m("Probe");
  m.define("def forward(self, x, return_features: bool = False):\n    return x.mean([2, 3])\n");
  m.save(dir / "probe.pt");
  FeatureNetwork network(dir / "probe.pt");
  EXPECT_FALSE(network.has_logits());
  const auto grey = torch::linspace(-1, 1, 4).view({4, 1, 1, 1}).expand({4, 1, 5, 5});
  const auto out = network.run(grey, c10::kCPU, 3);  // two batches
  ASSERT_EQ(out.features.sizes(), (std::vector<int64_t>{4, 3}));
  const auto expected = ((torch::linspace(-1, 1, 4) + 1) * 127.5).view({4, 1}).expand({4, 3});
  EXPECT_TRUE(torch::allclose(out.features, expected, 1e-4, 1e-4)) << out.features;
  EXPECT_EQ(network.fingerprint().size(), 16u);

  test::write_bytes(dir / "junk.pt", "not a module");
  EXPECT_NE(test::usage_error_message([&] { FeatureNetwork bad(dir / "junk.pt"); }).find("not a TorchScript"),
            std::string::npos);
  EXPECT_NE(test::usage_error_message([&] { FeatureNetwork bad(dir / "none.pt"); }).find("no such file"),
            std::string::npos);
}

}  // namespace
}  // namespace wgan

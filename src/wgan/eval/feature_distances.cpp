#include "wgan/eval/feature_distances.h"

#include <cmath>

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/eval/wasserstein.h"

namespace wgan {

FeatureStatistics feature_statistics(const torch::Tensor& features) {
  auto x = features.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  if (x.size(0) < 2) throw UsageError("feature statistics: need at least 2 feature vectors");
  const auto mean = x.mean(0);
  const auto centred = x - mean;
  return {mean, centred.t().matmul(centred) / static_cast<double>(x.size(0) - 1)};
}

double frechet_distance(const FeatureStatistics& a, const FeatureStatistics& b) {
  const double w2 = gaussian_w2(a.mean, a.covariance, b.mean, b.covariance);
  return w2 * w2;
}

KernelDistance kernel_inception_distance(const torch::Tensor& real, const torch::Tensor& fake,
                                         int64_t subsets, int64_t subset_size, uint64_t seed) {
  // The products in the features' own precision (float32 features: 4x faster than float64, and
  // the kernel's relative error stays near 1e-7), the kernel values and sums in float64.
  const auto dtype = real.scalar_type() == torch::kFloat64 || fake.scalar_type() == torch::kFloat64
                         ? torch::kFloat64 : torch::kFloat32;
  auto x = real.detach().to(torch::kCPU, dtype).flatten(1);
  auto y = fake.detach().to(torch::kCPU, dtype).flatten(1);
  if (x.size(1) != y.size(1)) throw UsageError("KID: feature sets of different dimensions");
  const int64_t m = std::min({subset_size, x.size(0), y.size(0)});
  if (m < 2 || subsets < 1) throw UsageError("KID: need at least 2 features in each set and 1 subset");
  const double d = static_cast<double>(x.size(1));
  auto kernel = [d](const torch::Tensor& u, const torch::Tensor& v) {
    return (u.matmul(v.t()).to(torch::kFloat64) / d + 1).pow(3);
  };
  auto generator = make_generator(seed, Stream::kEvaluation, 0x6b1d);
  const auto int64 = torch::TensorOptions().dtype(torch::kInt64);
  std::vector<double> values;
  for (int64_t s = 0; s < subsets; ++s) {
    const auto xs = x.index_select(0, torch::randperm(x.size(0), generator, int64).slice(0, 0, m));
    const auto ys = y.index_select(0, torch::randperm(y.size(0), generator, int64).slice(0, 0, m));
    const auto kxx = kernel(xs, xs), kyy = kernel(ys, ys), kxy = kernel(xs, ys);
    // Unbiased: the diagonals k(x_i, x_i) are left out of the within-set means.
    const double within = ((kxx.sum() - kxx.trace()) + (kyy.sum() - kyy.trace())).item<double>() /
                          static_cast<double>(m * (m - 1));
    values.push_back(within - 2 * kxy.mean().item<double>());
  }
  const auto t = torch::tensor(values, torch::kFloat64);
  return {t.mean().item<double>(), values.size() > 1 ? t.std().item<double>() : 0.0};
}

double classifier_score(const torch::Tensor& logits) {
  const auto log_p = torch::log_softmax(logits.detach().to(torch::kCPU, torch::kFloat64), 1);
  const auto log_marginal = log_p.exp().mean(0, true).log();
  const auto kl = (log_p.exp() * (log_p - log_marginal)).sum(1);
  return std::exp(kl.mean().item<double>());
}

torch::Tensor class_histogram(const torch::Tensor& logits) {
  return torch::bincount(logits.detach().cpu().argmax(1), {}, logits.size(1));
}

}  // namespace wgan

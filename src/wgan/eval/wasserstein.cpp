#include "wgan/eval/wasserstein.h"

#include <cmath>

#include "wgan/core/error.h"
#include "wgan/core/random.h"

namespace wgan {
namespace {

// Sorted values and their normalised weights, float64.
std::pair<torch::Tensor, torch::Tensor> sorted_distribution(const torch::Tensor& x, const torch::Tensor& w,
                                                            const char* name) {
  auto values = x.detach().to(torch::kCPU, torch::kFloat64).flatten();
  if (values.numel() == 0) throw UsageError(std::string(name) + ": an empty sample has no distribution");
  auto weights = w.defined() ? w.detach().to(torch::kCPU, torch::kFloat64).flatten()
                             : torch::ones_like(values);
  if (weights.numel() != values.numel())
    throw UsageError(std::string(name) + ": expected one weight per value");
  if (weights.min().item<double>() < 0 || !(weights.sum().item<double>() > 0))
    throw UsageError(std::string(name) + ": weights must be >= 0 with a positive sum");
  auto [sorted, order] = values.sort();
  return {sorted.contiguous(), (weights.index_select(0, order) / weights.sum()).contiguous()};
}

}  // namespace

double wasserstein_1d(const torch::Tensor& a, const torch::Tensor& b, double p,
                      const torch::Tensor& a_weights, const torch::Tensor& b_weights) {
  if (!(p >= 1)) throw UsageError("p: expected p >= 1, got " + std::to_string(p));
  auto [xa, wa] = sorted_distribution(a, a_weights, "first sample");
  auto [xb, wb] = sorted_distribution(b, b_weights, "second sample");
  const double* va = xa.data_ptr<double>();
  const double* pa = wa.data_ptr<double>();
  const double* vb = xb.data_ptr<double>();
  const double* pb = wb.data_ptr<double>();
  const int64_t na = xa.numel(), nb = xb.numel();
  // Walk both quantile functions together: on each piece of [0, 1] where neither changes, they
  // are constant, so the integral is a sum of |difference|^p times the piece's length.
  int64_t i = 0, j = 0;
  double left_a = pa[0], left_b = pb[0], total = 0;
  while (i < na && j < nb) {
    const double step = std::min(left_a, left_b);
    total += std::pow(std::fabs(va[i] - vb[j]), p) * step;
    left_a -= step;
    left_b -= step;
    if (left_a <= 1e-15 && ++i < na) left_a += pa[i];
    if (left_b <= 1e-15 && ++j < nb) left_b += pb[j];
  }
  return std::pow(total, 1.0 / p);
}

double wasserstein1_cdf(const torch::Tensor& a, const torch::Tensor& b) {
  auto [xa, wa] = sorted_distribution(a, {}, "first sample");
  auto [xb, wb] = sorted_distribution(b, {}, "second sample");
  // Both CDFs are step functions; between consecutive points of the merged support their
  // difference is constant.
  auto all = std::get<0>(torch::cat({xa, xb}).sort());
  auto fa = torch::searchsorted(xa, all, /*out_int32=*/false, /*right=*/true).to(torch::kFloat64) / xa.numel();
  auto fb = torch::searchsorted(xb, all, false, true).to(torch::kFloat64) / xb.numel();
  auto widths = all.slice(0, 1) - all.slice(0, 0, -1);
  return ((fa - fb).abs().slice(0, 0, -1) * widths).sum().item<double>();
}

double sliced_wasserstein(const torch::Tensor& a, const torch::Tensor& b, double p,
                          int64_t projections, uint64_t seed) {
  auto x = a.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  auto y = b.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  if (x.size(1) != y.size(1))
    throw UsageError("sliced_wasserstein: point sets of dimensions " + std::to_string(x.size(1)) +
                     " and " + std::to_string(y.size(1)));
  if (projections <= 0) throw OptionError("projections", "expected a positive integer, got " + std::to_string(projections));
  auto generator = make_generator(seed, Stream::kEvaluation, 0x51ced);
  auto directions = torch::randn({projections, x.size(1)}, generator, torch::TensorOptions().dtype(torch::kFloat64));
  directions = directions / directions.norm(2, 1, true);
  auto px = x.matmul(directions.t()), py = y.matmul(directions.t());
  double total = 0;
  for (int64_t k = 0; k < projections; ++k)
    total += std::pow(wasserstein_1d(px.select(1, k), py.select(1, k), p), p);
  return std::pow(total / projections, 1.0 / p);
}

torch::Tensor symmetric_sqrt(const torch::Tensor& matrix) {
  auto m = matrix.to(torch::kFloat64);
  m = (m + m.t()) / 2;
  auto [values, vectors] = torch::linalg_eigh(m);
  return vectors.matmul(torch::diag(values.clamp_min(0).sqrt())).matmul(vectors.t());
}

double gaussian_w2(const torch::Tensor& mu1, const torch::Tensor& cov1, const torch::Tensor& mu2,
                   const torch::Tensor& cov2) {
  auto m1 = mu1.to(torch::kFloat64).flatten(), m2 = mu2.to(torch::kFloat64).flatten();
  auto c1 = cov1.to(torch::kFloat64), c2 = cov2.to(torch::kFloat64);
  if (m1.numel() != m2.numel() || c1.dim() != 2 || c1.size(0) != m1.numel() || c1.sizes() != c2.sizes())
    throw UsageError("gaussian_w2: means and covariances of different dimensions");
  auto root2 = symmetric_sqrt(c2);
  auto cross = symmetric_sqrt(root2.matmul(c1).matmul(root2));
  const double squared = (m1 - m2).pow(2).sum().item<double>() +
                         (c1.trace() + c2.trace() - 2 * cross.trace()).item<double>();
  return std::sqrt(std::max(squared, 0.0));
}

}  // namespace wgan

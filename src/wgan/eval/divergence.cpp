#include "wgan/eval/divergence.h"

#include <cmath>
#include <limits>

#include "wgan/core/error.h"

namespace wgan {
namespace {

std::pair<torch::Tensor, torch::Tensor> normalised(const torch::Tensor& p_in, const torch::Tensor& q_in) {
  auto p = p_in.detach().to(torch::kCPU, torch::kFloat64).flatten();
  auto q = q_in.detach().to(torch::kCPU, torch::kFloat64).flatten();
  if (p.numel() != q.numel() || p.numel() == 0)
    throw UsageError("divergence: expected two weight vectors over the same outcomes");
  if (p.min().item<double>() < 0 || q.min().item<double>() < 0 || !(p.sum().item<double>() > 0) ||
      !(q.sum().item<double>() > 0))
    throw UsageError("divergence: weights must be >= 0 with a positive sum");
  return {p / p.sum(), q / q.sum()};
}

// sum over p > 0 of p log(p / q), with 0 log 0 = 0; +infinity where q = 0 < p.
double relative_entropy(const torch::Tensor& p, const torch::Tensor& q) {
  const auto support = p > 0;
  if ((support & (q <= 0)).any().item<bool>()) return std::numeric_limits<double>::infinity();
  auto ps = p.masked_select(support), qs = q.masked_select(support);
  return (ps * (ps.log() - qs.log())).sum().item<double>();
}

torch::Tensor uniform_or(const torch::Tensor& weights, int64_t n) {
  return weights.defined() ? weights.detach().to(torch::kCPU, torch::kFloat64).flatten()
                           : torch::ones({n}, torch::kFloat64);
}

}  // namespace

double kl_divergence(const torch::Tensor& p_in, const torch::Tensor& q_in) {
  auto [p, q] = normalised(p_in, q_in);
  return relative_entropy(p, q);
}

double js_divergence(const torch::Tensor& p_in, const torch::Tensor& q_in) {
  auto [p, q] = normalised(p_in, q_in);
  const auto m = (p + q) / 2;
  return relative_entropy(p, m) / 2 + relative_entropy(q, m) / 2;
}

double total_variation(const torch::Tensor& p_in, const torch::Tensor& q_in) {
  auto [p, q] = normalised(p_in, q_in);
  return (p - q).abs().sum().item<double>() / 2;
}

std::pair<torch::Tensor, torch::Tensor> on_common_support(const torch::Tensor& a, const torch::Tensor& b,
                                                          const torch::Tensor& a_weights,
                                                          const torch::Tensor& b_weights) {
  auto x = a.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  auto y = b.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  if (x.size(1) != y.size(1))
    throw UsageError("on_common_support: point sets of different dimensions");
  const auto wa = uniform_or(a_weights, x.size(0)), wb = uniform_or(b_weights, y.size(0));
  if (wa.numel() != x.size(0) || wb.numel() != y.size(0))
    throw UsageError("on_common_support: expected one weight per point");
  // Every point's index in the union of distinct points, then the weights summed per index.
  auto [support, inverse, counts] = torch::unique_dim(torch::cat({x, y}), 0, /*sorted=*/true,
                                                      /*return_inverse=*/true);
  const int64_t k = support.size(0);
  auto p = torch::zeros({k}, torch::kFloat64).index_add_(0, inverse.slice(0, 0, x.size(0)), wa);
  auto q = torch::zeros({k}, torch::kFloat64).index_add_(0, inverse.slice(0, x.size(0)), wb);
  return {p, q};
}

}  // namespace wgan

#include "wgan/eval/paper_examples.h"

#include <cmath>
#include <limits>

#include "wgan/eval/assignment.h"
#include "wgan/eval/divergence.h"
#include "wgan/eval/wasserstein.h"

namespace wgan {

std::vector<DivergenceRow> parallel_lines(const std::vector<double>& thetas, int64_t points) {
  const auto z = (torch::arange(points, torch::kFloat64) + 0.5) / points;
  const auto line_at = [&](double x) { return torch::stack({torch::full_like(z, x), z}, 1); };
  const auto p0 = line_at(0);
  std::vector<DivergenceRow> rows;
  for (double theta : thetas) {
    const auto p_theta = line_at(theta);
    const auto [p, q] = on_common_support(p0, p_theta);
    DivergenceRow r;
    r.parameter = theta;
    r.w1 = exact_wasserstein(p0, p_theta, 1);
    r.js = js_divergence(p, q);
    r.kl = kl_divergence(p, q);
    r.tv = total_variation(p, q);
    const bool apart = theta != 0;
    r.w1_closed = std::fabs(theta);
    r.js_closed = apart ? std::log(2.0) : 0;
    r.kl_closed = apart ? std::numeric_limits<double>::infinity() : 0;
    r.tv_closed = apart ? 1 : 0;
    rows.push_back(r);
  }
  return rows;
}

std::vector<DivergenceRow> gaussian_shift(const std::vector<double>& mus, int64_t points) {
  // Quantiles of N(0, 1) at (k + 1/2) / points: Phi^-1(u) = sqrt(2) erfinv(2u - 1).
  const auto u = (torch::arange(points, torch::kFloat64) + 0.5) / points;
  const auto quantiles = std::sqrt(2.0) * torch::erfinv(2 * u - 1);
  auto density = [](const torch::Tensor& x, double mean) { return torch::exp(-(x - mean).pow(2) / 2); };
  std::vector<DivergenceRow> rows;
  for (double mu : mus) {
    const auto x = torch::linspace(std::min(0.0, mu) - 10, std::max(0.0, mu) + 10, points, torch::kFloat64);
    const auto p = density(x, 0), q = density(x, mu);  // normalised by the divergences
    DivergenceRow r;
    r.parameter = mu;
    r.w1 = wasserstein_1d(quantiles, quantiles + mu, 1);
    r.js = js_divergence(p, q);
    r.kl = kl_divergence(p, q);
    r.tv = total_variation(p, q);
    r.w1_closed = std::fabs(mu);
    r.kl_closed = mu * mu / 2;
    r.tv_closed = std::erf(std::fabs(mu) / 2 / std::sqrt(2.0));  // 2 Phi(|mu|/2) - 1
    r.js_closed = std::numeric_limits<double>::quiet_NaN();
    rows.push_back(r);
  }
  return rows;
}

}  // namespace wgan

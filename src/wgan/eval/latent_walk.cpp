#include "wgan/eval/latent_walk.h"

#include <cmath>

namespace wgan {

torch::Tensor slerp(const torch::Tensor& a, const torch::Tensor& b, double t) {
  const double na = a.norm().item<double>(), nb = b.norm().item<double>();
  const double cosine = std::clamp((a.dot(b) / (na * nb)).item<double>(), -1.0, 1.0);
  const double omega = std::acos(cosine);
  if (std::sin(omega) < 1e-6) return (1 - t) * a + t * b;  // (anti)parallel: fall back to lerp
  return (std::sin((1 - t) * omega) * a + std::sin(t * omega) * b) / std::sin(omega);
}

torch::Tensor latent_walk(const torch::Tensor& waypoints, int64_t steps, bool spherical) {
  std::vector<torch::Tensor> rows;
  const int64_t n = waypoints.size(0);
  for (int64_t i = 0; i + 1 < n; ++i)
    for (int64_t k = 0; k < steps; ++k) {
      const double t = static_cast<double>(k) / static_cast<double>(steps);
      rows.push_back(spherical ? slerp(waypoints[i], waypoints[i + 1], t)
                               : (1 - t) * waypoints[i] + t * waypoints[i + 1]);
    }
  rows.push_back(waypoints[n - 1]);
  return torch::stack(rows);
}

}  // namespace wgan

// The WGAN paper's examples of why the Wasserstein distance gives a usable gradient where JS
// and KL do not, computed with the distance library (not from their closed forms, which are
// kept beside for comparison).
#pragma once
#include <cstdint>
#include <vector>

namespace wgan {

struct DivergenceRow {
  double parameter = 0;           // theta or mu
  double w1 = 0, js = 0, kl = 0, tv = 0;  // computed; KL(P0 || P_parameter), in nats
  double w1_closed = 0, kl_closed = 0, tv_closed = 0;
  double js_closed = 0;           // NaN where there is no closed form
};

// Example 1: P0 = (0, Z) and P_theta = (theta, Z) with Z ~ U[0, 1], each line represented by
// `points` equally spaced z. W1 by exact assignment; JS, KL, TV on the union of the points.
// Closed forms: W1 = |theta|; JS = log 2, KL = infinity, TV = 1 for theta != 0.
std::vector<DivergenceRow> parallel_lines(const std::vector<double>& thetas, int64_t points = 200);

// N(0, 1) against N(mu, 1). W1 from `points` quantiles of each (exact 1-D W1); JS, KL and TV
// from the densities on a grid of `points` cells over [-10, mu + 10]. Closed forms: W1 = |mu|,
// KL = mu^2 / 2, TV = 2 Phi(|mu| / 2) - 1; JS has none.
std::vector<DivergenceRow> gaussian_shift(const std::vector<double>& mus, int64_t points = 4000);

}  // namespace wgan

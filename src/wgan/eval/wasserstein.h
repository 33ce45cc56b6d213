// Wasserstein distances that can be computed exactly: between 1-D empirical distributions
// (through their quantile functions, or for W1 through their CDFs) and between Gaussians (the
// closed form). docs/metrics.md states the formulas.
#pragma once
#include <torch/types.h>

namespace wgan {

// Exact W_p (p >= 1) between two 1-D empirical distributions, samples of any sizes, optionally
// weighted (weights >= 0, normalised here; empty = uniform):
//   W_p^p = integral over t in [0, 1] of |F^-1(t) - G^-1(t)|^p dt.
double wasserstein_1d(const torch::Tensor& a, const torch::Tensor& b, double p = 1.0,
                      const torch::Tensor& a_weights = {}, const torch::Tensor& b_weights = {});

// W1 between two 1-D empirical distributions as the area between their CDFs,
// integral |F(x) - G(x)| dx; equal to wasserstein_1d(a, b, 1).
double wasserstein1_cdf(const torch::Tensor& a, const torch::Tensor& b);

// W2 between N(mu1, cov1) and N(mu2, cov2), in float64:
//   W2^2 = |mu1 - mu2|^2 + tr(cov1 + cov2 - 2 (cov2^1/2 cov1 cov2^1/2)^1/2).
// (Seed 004 writes this without the squares; this is the correct form.)
double gaussian_w2(const torch::Tensor& mu1, const torch::Tensor& cov1, const torch::Tensor& mu2,
                   const torch::Tensor& cov2);

// Sliced W_p between two point sets [n, d] and [m, d]: the 1-D W_p of their projections onto
// `projections` random unit directions (drawn from `seed`), combined as (mean of W_p^p)^(1/p).
// A lower bound of W_p, cheap in any dimension.
double sliced_wasserstein(const torch::Tensor& a, const torch::Tensor& b, double p = 1.0,
                          int64_t projections = 500, uint64_t seed = 0);

// The square root of a symmetric positive semi-definite matrix through its eigenvalues
// (negative rounding errors clamped to 0), float64.
torch::Tensor symmetric_sqrt(const torch::Tensor& matrix);

}  // namespace wgan

// Entropic optimal transport between two point sets (Cuturi 2013) by Sinkhorn iterations in the
// log domain, for sets too large or too unequal for the exact assignment solver.
#pragma once
#include <torch/types.h>

namespace wgan {

struct SinkhornOptions {
  double p = 1;                     // ground cost |x - y|^p
  double epsilon = 1e-2;            // regularisation, as a fraction of the largest cost
  int64_t max_iterations = 10000;   // at the final epsilon
  double tolerance = 1e-5;          // stop when the row marginals are this close (L1)
};

struct SinkhornResult {
  double distance = 0;        // (sum of plan * cost)^(1/p): an upper bound of W_p
  double marginal_error = 0;  // L1 distance of the plan's row sums from the first weights
  int64_t iterations = 0;     // at the final epsilon
  bool converged = false;
};

// Uniform weights on a [n, d] and b [m, d]; any sizes. epsilon is annealed from the largest
// cost down to the requested value, halving each time, with the potentials carried over.
// Memory: an n x m float64 matrix, a few times.
SinkhornResult sinkhorn_wasserstein(const torch::Tensor& a, const torch::Tensor& b,
                                    const SinkhornOptions& options = {});

}  // namespace wgan

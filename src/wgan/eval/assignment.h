// Exact optimal transport between two point sets of equal size with uniform weights: an
// optimal assignment (a permutation), found by the Hungarian method with potentials
// (shortest augmenting paths, O(n^3)).
#pragma once
#include <torch/types.h>

#include <vector>

namespace wgan {

// For a square cost matrix [n, n], the column assigned to each row minimising the total cost.
std::vector<int64_t> solve_assignment(const torch::Tensor& cost);

// Exact W_p between point sets [n, d] and [n, d] (Euclidean ground distance):
// (min over permutations of the mean of |a_i - b_sigma(i)|^p)^(1/p).
double exact_wasserstein(const torch::Tensor& a, const torch::Tensor& b, double p = 1.0);

}  // namespace wgan

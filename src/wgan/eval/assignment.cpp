#include "wgan/eval/assignment.h"

#include <cmath>
#include <limits>

#include "wgan/core/error.h"

namespace wgan {

std::vector<int64_t> solve_assignment(const torch::Tensor& cost_in) {
  if (cost_in.dim() != 2 || cost_in.size(0) != cost_in.size(1))
    throw UsageError("solve_assignment: expected a square cost matrix");
  const auto cost = cost_in.to(torch::kFloat64).contiguous();
  const int64_t n = cost.size(0);
  const double* c = cost.data_ptr<double>();
  const double inf = std::numeric_limits<double>::infinity();
  // Rows and columns are numbered from 1; column 0 is a virtual start. u, v: potentials;
  // row_of[j]: the row matched to column j; way[j]: the previous column on the augmenting path.
  std::vector<double> u(n + 1, 0), v(n + 1, 0), min_to(n + 1);
  std::vector<int64_t> row_of(n + 1, 0), way(n + 1, 0);
  std::vector<char> used(n + 1);
  for (int64_t i = 1; i <= n; ++i) {
    row_of[0] = i;
    int64_t j0 = 0;
    std::fill(min_to.begin(), min_to.end(), inf);
    std::fill(used.begin(), used.end(), 0);
    do {
      used[j0] = 1;
      const int64_t i0 = row_of[j0];
      const double* row = c + (i0 - 1) * n;
      double delta = inf;
      int64_t j1 = 0;
      for (int64_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double reduced = row[j - 1] - u[i0] - v[j];
        if (reduced < min_to[j]) min_to[j] = reduced, way[j] = j0;
        if (min_to[j] < delta) delta = min_to[j], j1 = j;
      }
      for (int64_t j = 0; j <= n; ++j) {
        if (used[j])
          u[row_of[j]] += delta, v[j] -= delta;
        else
          min_to[j] -= delta;
      }
      j0 = j1;
    } while (row_of[j0] != 0);
    do {  // flip the augmenting path
      const int64_t j1 = way[j0];
      row_of[j0] = row_of[j1];
      j0 = j1;
    } while (j0);
  }
  std::vector<int64_t> column_of(n);
  for (int64_t j = 1; j <= n; ++j) column_of[row_of[j] - 1] = j - 1;
  return column_of;
}

double exact_wasserstein(const torch::Tensor& a, const torch::Tensor& b, double p) {
  auto x = a.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  auto y = b.detach().to(torch::kCPU, torch::kFloat64).flatten(1);
  if (x.size(0) != y.size(0) || x.size(1) != y.size(1))
    throw UsageError("exact W: expected two point sets of the same size and dimension, got " +
                     std::to_string(x.size(0)) + "x" + std::to_string(x.size(1)) + " and " +
                     std::to_string(y.size(0)) + "x" + std::to_string(y.size(1)));
  // compute_mode 2: exact differences, not the matrix-product expansion (which leaves ~1e-9
  // where points coincide).
  auto cost = torch::cdist(x, y, 2.0, /*compute_mode=*/2).pow(p);
  const auto match = solve_assignment(cost);
  const auto acc = cost.accessor<double, 2>();
  double total = 0;
  for (size_t i = 0; i < match.size(); ++i) total += acc[static_cast<int64_t>(i)][match[i]];
  return std::pow(total / static_cast<double>(match.size()), 1.0 / p);
}

}  // namespace wgan

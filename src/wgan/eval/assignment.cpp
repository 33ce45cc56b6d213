#include "wgan/eval/assignment.h"

#include <cmath>
#include <limits>
#include <numeric>

#include "wgan/core/error.h"

// The Jonker-Volgenant algorithm (LAPJV; Computing 38, 1987) on a dense cost matrix: column
// reduction with reduction transfer assigns part of the rows at once; every other row gets a
// shortest augmenting path (Dijkstra on reduced costs). The dual variables are the column
// prices v; a row's price is implicit (u_i = c_i,x(i) - v_x(i)).
// Measured on 2,500 x 2,500 Euclidean costs between 2-D mixtures: 0.9-2.4 s, against 1.2-3.5 s
// for the Hungarian method with potentials and 1.3-3.1 s for SciPy's linear_sum_assignment.
// JV's augmenting row reduction is left out: on those costs it took longer than the whole
// solve (7 s), bouncing rows between near-equal columns.

namespace wgan {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

class DenseAssignment {
 public:
  explicit DenseAssignment(const torch::Tensor& cost)
      : n_(cost.size(0)), c_(cost.data_ptr<double>()), column_of_(n_, -1), row_of_(n_, -1),
        v_(n_, kInfinity) {}

  std::vector<int64_t> solve() {
    for (int64_t row : reduce_columns()) augment(row);
    return column_of_;
  }

 private:
  double cost(int64_t i, int64_t j) const { return c_[i * n_ + j]; }

  // Column prices are the column minima; each column goes to its cheapest row if that row has
  // none yet. A row that received exactly one column passes on its slack (reduction transfer).
  std::vector<int64_t> reduce_columns() {
    for (int64_t i = 0; i < n_; ++i)
      for (int64_t j = 0; j < n_; ++j)
        if (cost(i, j) < v_[j]) v_[j] = cost(i, j), row_of_[j] = i;
    std::vector<char> unique(n_, 1);
    for (int64_t j = n_ - 1; j >= 0; --j) {
      const int64_t i = row_of_[j];
      if (column_of_[i] < 0)
        column_of_[i] = j;
      else
        unique[i] = 0, row_of_[j] = -1;
    }
    std::vector<int64_t> free_rows;
    for (int64_t i = 0; i < n_; ++i) {
      if (column_of_[i] < 0) {
        free_rows.push_back(i);
      } else if (unique[i]) {
        const int64_t j = column_of_[i];
        double slack = kInfinity;
        for (int64_t k = 0; k < n_; ++k)
          if (k != j) slack = std::min(slack, cost(i, k) - v_[k]);
        if (n_ > 1) v_[j] -= slack;
      }
    }
    return free_rows;
  }

  // Dijkstra from a free row over reduced costs until it reaches an unassigned column, then
  // flips the path. `columns` is partitioned as [done | to scan | unreached].
  void augment(int64_t start) {
    std::vector<int64_t> columns(n_), from(n_, start);
    std::iota(columns.begin(), columns.end(), 0);
    std::vector<double> d(n_);
    for (int64_t j = 0; j < n_; ++j) d[j] = cost(start, j) - v_[j];
    int64_t lo = 0, hi = 0, done = 0, sink = -1;
    double lowest = 0;  // the distance of the columns in [lo, hi)
    while (sink < 0) {
      if (lo == hi) {  // gather the columns at the new minimum distance
        done = lo;
        hi = lo + 1;
        lowest = d[columns[lo]];
        for (int64_t k = hi; k < n_; ++k) {
          const int64_t j = columns[k];
          if (d[j] <= lowest) {
            if (d[j] < lowest) hi = lo, lowest = d[j];
            columns[k] = columns[hi];
            columns[hi++] = j;
          }
        }
        for (int64_t k = lo; k < hi && sink < 0; ++k)
          if (row_of_[columns[k]] < 0) sink = columns[k];
      }
      if (sink < 0) sink = scan(lo, hi, columns, d, from);
    }
    for (int64_t k = 0; k < done; ++k) v_[columns[k]] += d[columns[k]] - lowest;
    for (int64_t i = -1; i != start;) {
      i = from[sink];
      row_of_[sink] = i;
      std::swap(sink, column_of_[i]);
    }
  }

  // Relaxes the rows matched to the columns in [lo, hi); returns an unassigned column reached
  // at the current minimum distance, or -1.
  int64_t scan(int64_t& lo, int64_t& hi, std::vector<int64_t>& columns, std::vector<double>& d,
               std::vector<int64_t>& from) {
    while (lo != hi) {
      const int64_t j0 = columns[lo++];
      const int64_t i = row_of_[j0];
      const double lowest = d[j0];
      const double* row = c_ + i * n_;
      const double h = row[j0] - v_[j0] - lowest;
      for (int64_t k = hi; k < n_; ++k) {
        const int64_t j = columns[k];
        const double reduced = row[j] - v_[j] - h;
        if (reduced < d[j]) {
          d[j] = reduced;
          from[j] = i;
          if (reduced == lowest) {
            if (row_of_[j] < 0) return j;
            columns[k] = columns[hi];
            columns[hi++] = j;
          }
        }
      }
    }
    return -1;
  }

  int64_t n_;
  const double* c_;
  std::vector<int64_t> column_of_, row_of_;
  std::vector<double> v_;
};

}  // namespace

std::vector<int64_t> solve_assignment(const torch::Tensor& cost_in) {
  if (cost_in.dim() != 2 || cost_in.size(0) != cost_in.size(1))
    throw UsageError("solve_assignment: expected a square cost matrix");
  const auto cost = cost_in.to(torch::kCPU, torch::kFloat64).contiguous();
  if (!torch::isfinite(cost).all().item<bool>())
    throw UsageError("solve_assignment: expected finite costs");
  if (cost.size(0) == 0) return {};
  return DenseAssignment(cost).solve();
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

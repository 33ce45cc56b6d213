// Fidelity and diversity of generated samples measured against real ones in a feature space
// (the classifier's features for images, the points themselves for 2-D data), from k-nearest-
// neighbour balls around each sample. docs/metrics.md defines them.
//
// - Improved precision and recall (Kynkaenniemi et al. 2019, k = 3): a sample's ball reaches
//   its k-th nearest neighbour in its own set (itself excluded). Precision is the fraction of
//   fakes inside some real ball (fidelity), recall the fraction of reals inside some fake ball
//   (diversity).
// - Density and coverage (Naeem et al. 2020, k = 5), from the real balls only: density counts
//   how many real balls each fake is in, divided by k and averaged (1 on average for samples of
//   the real distribution, above 1 when fakes crowd the dense regions); coverage is the
//   fraction of real balls holding at least one fake.
// Membership is with <=. Exact nearest neighbours by pairwise distances in float64, in chunks.
#pragma once
#include <torch/types.h>

#include <cstdint>

namespace wgan {

struct ManifoldMetrics {
  double precision = 0, recall = 0, density = 0, coverage = 0;
};

// Distance of each row of `points` [N, D] to its k-th nearest other row.
torch::Tensor kth_neighbour_distances(const torch::Tensor& points, int64_t k);

// The real samples with their balls, computed once for the evaluations of a run.
class ManifoldReference {
 public:
  // real [N, D], N larger than both k.
  explicit ManifoldReference(const torch::Tensor& real, int64_t k_precision_recall = 3, int64_t k_density_coverage = 5);
  // fake [M, D], M larger than k_precision_recall.
  ManifoldMetrics measure(const torch::Tensor& fake) const;

 private:
  torch::Tensor real_;                  // [N, D] float64
  torch::Tensor radii_pr_, radii_dc_;   // [N]
  int64_t k_pr_, k_dc_;
};

ManifoldMetrics manifold_metrics(const torch::Tensor& real, const torch::Tensor& fake, int64_t k_precision_recall = 3,
                                 int64_t k_density_coverage = 5);

}  // namespace wgan

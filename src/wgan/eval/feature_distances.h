// Sample-quality distances between two sets of image features (FID, KID) and the scores of a
// classifier's predictions (classifier score, class histogram). docs/metrics.md defines them.
#pragma once
#include <torch/types.h>

#include <cstdint>

namespace wgan {

struct FeatureStatistics {
  torch::Tensor mean;        // [d], float64
  torch::Tensor covariance;  // [d, d], float64, unbiased (divides by n - 1)
};

FeatureStatistics feature_statistics(const torch::Tensor& features);

// Frechet distance of the Gaussians fitted to two feature sets (FID when the features are
// Inception's): |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^1/2), the squared W2 of gaussian_w2.
double frechet_distance(const FeatureStatistics& a, const FeatureStatistics& b);

struct KernelDistance {
  double mean = 0, std = 0;  // over the subsets
};

// KID (Binkowski et al. 2018): the unbiased estimate of MMD^2 with the cubic polynomial kernel
// k(x, y) = (x.y / d + 1)^3, averaged over `subsets` random subsets of min(subset_size, n, m)
// features of each set (as clean-fid and torch-fidelity do), drawn from `seed`.
KernelDistance kernel_inception_distance(const torch::Tensor& real, const torch::Tensor& fake,
                                         int64_t subsets = 100, int64_t subset_size = 1000,
                                         uint64_t seed = 0);

// From logits [N, K]: exp(E_x KL(p(y|x) || p(y))), p(y) the mean prediction; 1 when every
// prediction is the same, K at most (confident and evenly spread over K classes).
double classifier_score(const torch::Tensor& logits);

// The number of samples predicted as each class, [K] int64.
torch::Tensor class_histogram(const torch::Tensor& logits);

}  // namespace wgan

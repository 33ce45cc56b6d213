#include "wgan/eval/manifold_metrics.h"

#include <torch/torch.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace wgan {
namespace {

// Rows of the distance matrix computed at once: 1,024 x 10,000 float64 is 80 MB.
constexpr int64_t kChunk = 1024;

torch::Tensor as_rows(const torch::Tensor& x) { return x.flatten(1).to(torch::kFloat64).contiguous(); }

// Distances of each row to its k nearest other rows, nearest first: [N, k].
torch::Tensor nearest_neighbour_distances(const torch::Tensor& x, int64_t k) {
  if (k < 1 || k >= x.size(0))
    throw std::invalid_argument("nearest neighbours: k = " + std::to_string(k) + " needs more than k points, got " +
                                std::to_string(x.size(0)));
  std::vector<torch::Tensor> radii;
  for (int64_t start = 0; start < x.size(0); start += kChunk) {
    const auto rows = x.slice(0, start, std::min(start + kChunk, x.size(0)));
    auto d = torch::cdist(rows, x);
    // Itself at distance 0: excluded by setting it above everything else.
    const auto self = torch::arange(start, start + rows.size(0), torch::kInt64);
    d.index_put_({torch::arange(rows.size(0), torch::kInt64), self}, std::numeric_limits<double>::infinity());
    radii.push_back(std::get<0>(d.topk(k, 1, /*largest=*/false, /*sorted=*/true)));
  }
  return torch::cat(radii);
}

}  // namespace

torch::Tensor kth_neighbour_distances(const torch::Tensor& points, int64_t k) {
  return nearest_neighbour_distances(as_rows(points), k).select(1, k - 1);
}

ManifoldReference::ManifoldReference(const torch::Tensor& real, int64_t k_pr, int64_t k_dc)
    : real_(as_rows(real)), k_pr_(k_pr), k_dc_(k_dc) {
  const auto radii = nearest_neighbour_distances(real_, std::max(k_pr, k_dc));
  radii_pr_ = radii.select(1, k_pr - 1);
  radii_dc_ = radii.select(1, k_dc - 1);
}

ManifoldMetrics ManifoldReference::measure(const torch::Tensor& fake_points) const {
  const torch::Tensor fake = as_rows(fake_points);
  const auto fake_pr = kth_neighbour_distances(fake, k_pr_).unsqueeze(0);
  auto fake_in_real_ball = torch::zeros({fake.size(0)}, torch::kBool);
  auto balls_holding_fake = torch::zeros({fake.size(0)}, torch::kFloat64);
  std::vector<torch::Tensor> real_in_fake_ball, real_ball_covered;
  for (int64_t start = 0; start < real_.size(0); start += kChunk) {
    const int64_t end = std::min(start + kChunk, real_.size(0));
    const auto d = torch::cdist(real_.slice(0, start, end), fake);  // [chunk, M]
    fake_in_real_ball |= (d <= radii_pr_.slice(0, start, end).unsqueeze(1)).any(0);
    const auto within_dc = d <= radii_dc_.slice(0, start, end).unsqueeze(1);
    balls_holding_fake += within_dc.sum(0).to(torch::kFloat64);
    real_in_fake_ball.push_back((d <= fake_pr).any(1));
    real_ball_covered.push_back(within_dc.any(1));
  }
  ManifoldMetrics m;
  m.precision = fake_in_real_ball.to(torch::kFloat64).mean().item<double>();
  m.recall = torch::cat(real_in_fake_ball).to(torch::kFloat64).mean().item<double>();
  m.density = balls_holding_fake.mean().item<double>() / static_cast<double>(k_dc_);
  m.coverage = torch::cat(real_ball_covered).to(torch::kFloat64).mean().item<double>();
  return m;
}

ManifoldMetrics manifold_metrics(const torch::Tensor& real, const torch::Tensor& fake, int64_t k_pr, int64_t k_dc) {
  return ManifoldReference(real, k_pr, k_dc).measure(fake);
}

}  // namespace wgan

#include "wgan/eval/mode_metrics.h"

#include <cmath>

namespace wgan {

ModeMetrics mode_metrics(const torch::Tensor& samples, const torch::Tensor& modes,
                         double mode_std) {
  auto x = samples.to(torch::kFloat64).cpu();
  auto m = modes.to(torch::kFloat64).cpu();
  const int64_t n = x.size(0), k = m.size(0);
  auto distances = torch::cdist(x, m);  // [N, K]
  auto [nearest_distance, nearest_mode] = distances.min(1);
  auto high_quality = nearest_distance <= 3.0 * mode_std;

  ModeMetrics out;
  out.modes_total = k;
  out.high_quality_fraction = high_quality.to(torch::kFloat64).mean().item<double>();
  auto covered = torch::zeros({k}, torch::kBool);
  auto hq_modes = nearest_mode.masked_select(high_quality);
  if (hq_modes.numel() > 0) covered.index_fill_(0, hq_modes, true);
  out.modes_covered = covered.sum().item<int64_t>();

  auto counts = torch::bincount(nearest_mode, {}, k).to(torch::kFloat64);
  auto p = counts / static_cast<double>(n);
  double kl = 0;
  auto pa = p.accessor<double, 1>();
  for (int64_t i = 0; i < k; ++i)
    if (pa[i] > 0) kl += pa[i] * std::log(pa[i] * static_cast<double>(k));
  out.reverse_kl = kl;
  return out;
}

}  // namespace wgan

// Mode-coverage metrics of the 2-D mixture benchmarks (VEEGAN, PacGAN, GDPP tables).
#pragma once
#include <torch/types.h>

namespace wgan {

struct ModeMetrics {
  int64_t modes_covered = 0;
  int64_t modes_total = 0;
  double high_quality_fraction = 0;  // share of samples within 3 sigma of their nearest mode
  double reverse_kl = 0;             // KL(p || uniform) in nats, p = nearest-mode histogram
};

// samples [N, 2], modes [K, 2]. A sample is high quality when its Euclidean distance to the
// nearest mode is at most 3 * mode_std; a mode is covered when it is the nearest mode of at
// least one high-quality sample. The reverse KL uses every sample's nearest mode.
ModeMetrics mode_metrics(const torch::Tensor& samples, const torch::Tensor& modes, double mode_std);

}  // namespace wgan

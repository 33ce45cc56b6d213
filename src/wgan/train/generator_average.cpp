#include "wgan/train/generator_average.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace wgan {

AveragingSchedule averaging_schedule(const TrainConfig& c) { return {c.g_ema_kimg, c.g_ema_rampup, c.g_ema_beta}; }

double averaging_beta(const AveragingSchedule& s, int64_t global_batch, int64_t images_seen) {
  if (s.beta) return *s.beta;
  double half_life = 1000.0 * s.half_life_kimg;
  if (s.rampup > 0) half_life = std::min(half_life, s.rampup * static_cast<double>(images_seen));
  return std::pow(0.5, static_cast<double>(global_batch) / std::max(half_life, 1e-8));
}

void update_average(NetworkImpl& average, const NetworkImpl& network, double beta) {
  torch::NoGradGuard no_grad;
  const auto targets = average.parameters();
  const auto sources = network.parameters();
  const auto target_buffers = average.buffers();
  const auto source_buffers = network.buffers();
  if (targets.size() != sources.size() || target_buffers.size() != source_buffers.size())
    throw std::logic_error("update_average: the networks differ in structure");
  for (size_t i = 0; i < targets.size(); ++i) targets[i].lerp_(sources[i], 1.0 - beta);
  for (size_t i = 0; i < target_buffers.size(); ++i) target_buffers[i].copy_(source_buffers[i]);
}

}  // namespace wgan

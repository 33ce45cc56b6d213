#include "wgan/run/memory_estimate.h"

#include <algorithm>

#include "wgan/core/memory.h"
#include "wgan/nets/activation_size.h"
#include "wgan/train/networks.h"

namespace wgan {
namespace {

double parameter_values(NetworkImpl& network) {
  double n = 0;
  for (const auto& p : network.parameters()) n += static_cast<double>(p.numel());
  return n;
}

}  // namespace

double training_step_bytes(const TrainConfig& config, const NetworkPair& networks,
                           const std::vector<int64_t>& sample_shape) {
  const double g = static_cast<double>(activation_values_per_sample(*networks.generator, {config.nz}));
  const double d = static_cast<double>(activation_values_per_sample(*networks.critic, sample_shape));
  const double batch = static_cast<double>(config.batch_size);
  // Weights, gradients and up to two optimiser moments each.
  const double parameters = 4 * (parameter_values(*networks.generator) + parameter_values(*networks.critic));
  // Critic step: real and fake kept for backward (2d), and under a penalty the interpolates with
  // the graph of their input gradient (about 3d more); generator step: both networks.
  const double penalty =
      constraint_entry(resolved_constraint(objective_options(config))).needs_per_sample_critic ? 3 * d : 0;
  const double activations = batch * std::max(g + 2 * d + penalty, g + d);
  return 4.0 * (parameters + activations);  // float32
}

void check_training_memory(const TrainConfig& config, const NetworkPair& networks,
                           const std::vector<int64_t>& sample_shape) {
  if (config.force) return;
  require_memory(training_step_bytes(config, networks, sample_shape),
                 "--batch-size " + std::to_string(config.batch_size) + " with these networks (--force to try anyway)");
}

}  // namespace wgan

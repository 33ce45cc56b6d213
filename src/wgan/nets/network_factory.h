// Builds the generator and critic a configuration describes, with deterministic initial
// weights drawn from the run's seed.
#pragma once
#include <vector>

#include "wgan/nets/network.h"

namespace wgan {

struct TrainConfig;

// Shape of one sample of the configured dataset ({2} for points, {C, H, W} for images): the
// generator's output and the critic's input.
std::vector<int64_t> sample_shape(const TrainConfig& config);

NetworkPair make_networks(const TrainConfig& config);

}  // namespace wgan

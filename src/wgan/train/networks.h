// The networks a run's configuration describes.
#pragma once
#include <vector>

#include "wgan/nets/network_factory.h"
#include "wgan/train/config.h"

namespace wgan {

NetworkOptions network_options(const TrainConfig& config);

// Shape of one sample of the configured dataset ({2} for points, {C, H, W} for images): the
// generator's output and the critic's input.
std::vector<int64_t> sample_shape(const TrainConfig& config);

NetworkPair make_networks(const TrainConfig& config);

}  // namespace wgan

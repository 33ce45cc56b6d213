// The networks a run's configuration describes.
#pragma once
#include <string>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/nets/network_factory.h"

namespace wgan {

NetworkOptions network_options(const TrainConfig& config);

// Shape of one sample of the configured dataset ({2} for points, {C, H, W} for images): the
// generator's output and the critic's input. Dataset custom: images when image_size is set,
// else points.
std::vector<int64_t> sample_shape(const TrainConfig& config);

// The generator and critic, and the averaged generator (a copy of the generator) with --g-ema.
NetworkPair make_networks(const TrainConfig& config);

// The generator to sample from: raw (the trained one), ema and both (the average; a UsageError
// when there is none) or auto (the average when there is one).
NetworkImpl& sampling_generator(const NetworkPair& networks, GeneratorChoice which);

}  // namespace wgan

// Builds the generator and critic a configuration describes, with deterministic initial
// weights drawn from the run's seed.
#pragma once
#include "wgan/nets/network.h"

namespace wgan {

struct TrainConfig;

struct NetworkPair {
  Network generator;
  Network critic;
};

// Output dimension of the generator (and input of the critic) for the configured dataset.
int64_t data_dimension(const TrainConfig& config);

NetworkPair make_networks(const TrainConfig& config);

}  // namespace wgan

// How many values a network computes for one sample (its input, every layer's output), for
// the memory a training step will need, estimated before it is tried.
#pragma once
#include <cstdint>
#include <vector>

#include "wgan/nets/network.h"

namespace wgan {

// Runs one sample of `sample_shape` through the network (evaluation mode, no gradients) and
// counts the values of every intermediate tensor; for a network that is not one Sequential,
// its input and output.
int64_t activation_values_per_sample(NetworkImpl& network, const std::vector<int64_t>& sample_shape);

}  // namespace wgan

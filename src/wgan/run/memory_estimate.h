// The memory one training step will need, estimated before the first one: a batch or network
// too large for the machine is one line with the figure, not the allocator's failure (or the
// kernel's out-of-memory kill) minutes later.
#pragma once
#include <vector>

#include "wgan/config/config.h"
#include "wgan/nets/network.h"

namespace wgan {

// About: parameters with their gradients and optimiser state, and the activations the critic
// step keeps for its backward (real and fake, the penalty's interpolates and their gradient
// graph) or the generator step keeps (both networks), whichever is larger.
// Of these networks, for samples of `sample_shape`.
double training_step_bytes(const TrainConfig& config, const NetworkPair& networks,
                           const std::vector<int64_t>& sample_shape);

// UsageError naming the batch size, the figure and what is available, unless config.force.
void check_training_memory(const TrainConfig& config, const NetworkPair& networks,
                           const std::vector<int64_t>& sample_shape);

}  // namespace wgan

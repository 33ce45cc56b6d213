// The memory one training step will need, estimated before the first one: a batch or network
// too large for the machine is one line with the figure, not the allocator's failure (or the
// kernel's out-of-memory kill) minutes later.
#pragma once
#include "wgan/train/config.h"

namespace wgan {

// About: parameters with their gradients and optimiser state, and the activations the critic
// step keeps for its backward (real and fake, the penalty's interpolates and their gradient
// graph) or the generator step keeps (both networks), whichever is larger.
double training_step_bytes(const TrainConfig& config);

// UsageError naming the batch size, the figure and what is available, unless config.force.
void check_training_memory(const TrainConfig& config);

}  // namespace wgan

// The checks and pieces of a run with a program's own parts (RunParts, run.h), before its Run
// is built: run_training's second form. Internal to run/.
#pragma once
#include <cstdint>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/nets/network.h"
#include "wgan/run/run.h"

namespace wgan {

// UsageError when the parts and the configuration do not belong together.
void check_parts(const TrainConfig& config, const RunParts& parts);

// The program's networks (or the library's, when it brings none), their initial weights drawn
// from the run's seed as the library's are.
NetworkPair program_networks(const TrainConfig& config, const RunParts& parts);

// What the networks must make and read: the data's samples, or the configured dataset's; a
// program's generator is tried on two rows of noise first (one line instead of LibTorch's
// shape error inside the first critic step).
std::vector<int64_t> run_sample_shape(const TrainConfig& config, const RunParts& parts, NetworkImpl& generator);

}  // namespace wgan

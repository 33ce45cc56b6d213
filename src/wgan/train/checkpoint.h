// Checkpoints: the whole training state, so that a resumed run continues bit for bit.
//
// A checkpoint file is a LibTorch archive followed by a 16-byte trailer: the archive's
// FNV-1a 64-bit hash and the magic "WGANCKP1". LibTorch's reader does not verify its CRCs, so
// the hash is what catches a flipped byte. The archive holds "generator", "critic",
// "optimizer_d", "optimizer_g" (full optimiser state), "generator_ema" (with --g-ema), "config"
// (the resolved configuration as JSON text), "counters" (iteration, real batches drawn,
// optimiser steps) and "elapsed_s".
// Every random draw is derived from (seed, iteration, step) (core/random.h), so the counters
// are the random state. Files are written atomically.
#pragma once
#include <c10/core/Device.h>

#include <string>
#include <vector>

#include "wgan/train/networks.h"

namespace torch::optim {
class Optimizer;
}

namespace wgan {

struct TrainingCounters {
  int64_t iteration = 0;           // generator iterations done
  int64_t real_batches_drawn = 0;  // index of the next real batch
  int64_t steps_d = 0, steps_g = 0;
  int64_t skipped_steps = 0;  // optimiser steps skipped for a non-finite loss or gradient
};

struct CheckpointState {
  TrainConfig config;
  NetworkPair networks;
  torch::optim::Optimizer* optimizer_d = nullptr;  // saved / restored when non-null
  torch::optim::Optimizer* optimizer_g = nullptr;
  TrainingCounters counters;
  double elapsed_s = 0;
};

void save_checkpoint(const std::string& path, const CheckpointState& state);

// The bytes of a checkpoint file: a LibTorch archive with its trailer appended (the fuzz
// targets use it to reach the reader behind the checksum).
std::string seal_checkpoint(std::string archive);
inline constexpr size_t kCheckpointTrailerBytes = 16;  // the archive's FNV-1a hash and "WGANCKP1"

// What a checkpoint says about its run without loading its networks: the configuration and
// the counters (for `train --resume`, which then loads the whole state once).
struct CheckpointHeader {
  TrainConfig config;
  TrainingCounters counters;
  double elapsed_s = 0;
};
CheckpointHeader read_checkpoint_header(const std::string& path);

// Reads a checkpoint. With `state.networks` and optimisers already built (resume), loads into
// them after checking that the architecture and objective match `state.config`; otherwise
// builds the networks from the stored configuration. Any problem (missing, truncated,
// corrupted, other architecture) is a UsageError naming the file and the mismatch.
CheckpointState load_checkpoint(const std::string& path);
// Tensors are loaded onto `device` (optimiser state included).
void load_checkpoint_into(const std::string& path, CheckpointState& state,
                          c10::Device device = c10::Device(c10::kCPU));

// DIR/checkpoints/final.pt, written at the end of a run.
std::string final_checkpoint_path(const std::string& run_dir);
// DIR/checkpoints/ckpt-NNNNNNNN.pt for an iteration.
std::string checkpoint_path(const std::string& run_dir, int64_t iteration);
// The periodic checkpoints of a run, oldest first.
std::vector<std::string> list_checkpoints(const std::string& run_dir);
// The newest loadable state of a run: final.pt if the run finished, else the newest
// ckpt-*.pt; empty when there is none.
std::string latest_checkpoint(const std::string& run_dir);
// Removes all but the newest `keep` periodic checkpoints.
void prune_checkpoints(const std::string& run_dir, int64_t keep);

}  // namespace wgan

// Saving and loading a run's networks with the configuration that built them. The file is
// one LibTorch archive: "generator" and "critic" (their parameters and buffers), "config" (the
// resolved configuration as JSON text) and "iteration". Written atomically.
#pragma once
#include <string>

#include "wgan/nets/network_factory.h"
#include "wgan/train/config.h"

namespace wgan {

void save_model(const std::string& path, const TrainConfig& config, const NetworkPair& networks,
                int64_t iteration);

struct LoadedModel {
  TrainConfig config;
  NetworkPair networks;
  int64_t iteration = 0;
};

// Throws UsageError naming the file when it is missing or unreadable.
LoadedModel load_model(const std::string& path);

// The final model of a run directory: DIR/checkpoints/final.pt.
std::string final_model_path(const std::string& run_dir);

}  // namespace wgan

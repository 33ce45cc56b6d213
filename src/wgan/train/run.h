// A whole training run: the trainer plus everything around it (run directory, metrics.jsonl,
// console progress, evaluation, the final model). Outputs are written here only, so that in
// data-parallel training one rank alone can own them.
#pragma once
#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>

#include "wgan/data/batch_source.h"
#include "wgan/train/config.h"
#include "wgan/train/trainer.h"

namespace wgan {

// The real-data source a configuration names.
std::shared_ptr<BatchSource> make_batch_source(const TrainConfig& config);

struct RunSummary {
  std::string run_dir;
  IterationValues last;
  nlohmann::json final_metrics;  // as evaluate_generator returns
  double seconds = 0;
};

// Trains in an existing run directory (see create_run_directory) and writes metrics.jsonl,
// log.txt and checkpoints/final.pt there.
RunSummary run_training(const TrainConfig& config, const std::string& run_dir,
                        std::ostream& console);

}  // namespace wgan

// A whole training run: the trainer plus everything around it (run directory, metrics.jsonl,
// console progress, evaluation, checkpoints, stop and resume). Outputs are written here only,
// so that in data-parallel training one rank alone can own them.
#pragma once
#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>

#include "wgan/distributed/process_group.h"
#include "wgan/train/config.h"
#include "wgan/train/trainer.h"

namespace wgan {

struct RunSummary {
  std::string run_dir;
  IterationValues last;
  nlohmann::json final_metrics;  // as evaluate_generator returns
  double seconds = 0;            // training time, earlier sessions of a resumed run included
  bool stopped = false;          // by SIGINT / SIGTERM, with a checkpoint to resume from
};

// Trains in an existing run directory (see create_run_directory): metrics.jsonl, log.txt,
// periodic checkpoints and checkpoints/final.pt, and for images sample grids under samples/.
// With `resume_from` (a checkpoint of the directory), first restores it and drops metrics
// records written after it. SIGINT and SIGTERM
// finish the current iteration, write a checkpoint and return with `stopped` set. A
// divergence under --on-nan stop throws RunError naming the iteration and the last checkpoint.
//
// With a process group (data-parallel training, docs/distributed.md) this is rank 0: it trains
// its share of every batch and writes everything; the other ranks run run_worker.
RunSummary run_training(const TrainConfig& config, const std::string& run_dir,
                        std::ostream& console, const std::string& resume_from = "",
                        ProcessGroup* group = nullptr);

// Ranks other than 0: the same training (their share of every batch) and nothing written. With
// `resume_from`, restores that checkpoint, as rank 0 does. Returns when the run
// ends or rank 0 stops it (a signal on any rank stops all of them after the same iteration).
void run_worker(const TrainConfig& config, const std::string& run_dir, const std::string& resume_from,
                ProcessGroup& group);

}  // namespace wgan

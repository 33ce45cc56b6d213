// A whole training run: the trainer plus everything around it (run directory, metrics.jsonl,
// console progress, evaluation, checkpoints, stop and resume). Outputs are written here only,
// so that in data-parallel training one rank alone can own them.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "wgan/config/config.h"
#include "wgan/data/batch_source.h"
#include "wgan/distributed/process_group.h"
#include "wgan/nets/network.h"
#include "wgan/train/trainer.h"

namespace wgan {

struct RunSummary {
  std::string run_dir;
  IterationValues last;
  nlohmann::json final_metrics;  // as evaluate_generator returns
  double seconds = 0;            // training time, earlier sessions of a resumed run included
  bool stopped = false;          // by SIGINT / SIGTERM, with a checkpoint to resume from
};

// What a program brings of its own to a run (docs/library.md). Each part left empty is made
// from the configuration, as the command line makes it.
struct RunParts {
  // Real data, with config.dataset "custom". Its sample_shape() is what the generator makes
  // and the critic reads: {2} points get critic maps and W1 against its samples, {C, H, W}
  // images grids and the image metrics, other shapes W1 only.
  std::shared_ptr<BatchSource> data;
  // The generator (noise [n, config.nz] to samples) and the critic (samples to one score per
  // row). Each is called once, and make_generator once more for the averaged generator of
  // --g-ema; both or neither. wgan::as_network (nets/module_network.h) wraps a torch::nn module.
  // Needed with custom data unless its samples are {C, H, W} images the library's families
  // take (config.arch).
  std::function<Network()> make_generator;
  std::function<Network()> make_critic;
  // After every record written to metrics.jsonl (every --log-every iterations, with the
  // evaluation's metrics when one ran): return false to stop the run there, with a checkpoint
  // to resume from, as a signal does.
  std::function<bool(const nlohmann::json& record)> on_log;
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
RunSummary run_training(const TrainConfig& config, const std::string& run_dir, std::ostream& console,
                        const std::string& resume_from = "", ProcessGroup* group = nullptr);

// The same with a program's own parts, in one process, `config` prepared by with_parts
// (run_parts.h, where train_run does all of it in one call).
// Resuming (resume_from) needs the same parts again: a run of custom data or networks is
// resumed by its program, not by `wgan train`.
RunSummary run_training(const TrainConfig& config, const std::string& run_dir, std::ostream& console,
                        const RunParts& parts, const std::string& resume_from = "");

// Ranks other than 0: the same training (their share of every batch) and nothing written. With
// `resume_from`, restores that checkpoint, as rank 0 does. Returns when the run
// ends or rank 0 stops it (a signal on any rank stops all of them after the same iteration).
void run_worker(const TrainConfig& config, const std::string& run_dir, const std::string& resume_from,
                ProcessGroup& group);

}  // namespace wgan

// What every rank does after a training iteration, in the same order and at the same iterations
// — rank 0 inside its Run (run.cpp), each data-parallel worker in run_worker — so that no rank
// waits in a collective another has left. After iteration `it`, on every rank:
//   1. when the schedule says so, the divergence flag is read back (a host read, which a GPU
//      pays for by waiting for its queue);
//   2. one all-reduce: the logged values averaged over the ranks, whether any rank's flag showed
//      a divergence, whether any rank was asked to stop (a signal);
//   3. a divergence anywhere is thrown on every rank (DivergenceError);
//   4. at a scheduled iteration rank 0 records (metrics, evaluation, console), and one more
//      all-reduce carries its program's wish to stop (RunParts::on_log) to every rank.
// So every rank reads the flag at the same iterations and stops after the same one.
#pragma once
#include <functional>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/train/trainer.h"

namespace wgan {

class ProcessGroup;

// The iterations at which a run reads values back: where it logs, prints, evaluates, draws or
// saves anything, and the last one; and every iteration where the read costs nothing (the
// flag in host memory: a CPU run, which then stops in the very iteration that diverged).
struct ReadSchedule {
  int64_t iters = 0, log_every = 1, print_every = 1, eval_every = 0, sample_every = 0, checkpoint_every = 0;
  bool every_iteration = false;

  // Whether rank 0 records at `it` (and so every rank reads the flag there).
  bool records(int64_t it) const;
  bool reads(int64_t it) const { return every_iteration || records(it); }
};
ReadSchedule read_schedule(const TrainConfig& config, bool reads_are_free);

// Data-parallel wiring shared by rank 0 and the workers, after any restore: this rank's share
// of each batch, gradients averaged before every optimiser step, the same weights everywhere
// (RunError otherwise).
void join_group(Trainer& trainer, ProcessGroup& group);

class IterationProtocol {
 public:
  // Rank 0's record of a scheduled iteration, with the values averaged over the ranks; false
  // asks every rank to stop. Workers record nothing.
  using Record = std::function<bool(const IterationStats& stats)>;

  // `group`: null for a single process.
  IterationProtocol(Trainer& trainer, ProcessGroup* group, ReadSchedule schedule);

  struct Outcome {
    IterationStats stats;  // averaged over the ranks
    bool stop = false;     // every rank stops after this iteration
  };
  // One training iteration and the steps above. `stop_requested`: this rank was asked to stop.
  Outcome iteration(bool stop_requested, const Record& record = {});

  // The iterations at which this rank read the divergence flag (the tests compare the ranks').
  const std::vector<int64_t>& reads() const { return reads_; }
  const ReadSchedule& schedule() const { return schedule_; }

 private:
  Trainer& trainer_;
  ProcessGroup* group_;
  ReadSchedule schedule_;
  std::vector<int64_t> reads_;
};

}  // namespace wgan

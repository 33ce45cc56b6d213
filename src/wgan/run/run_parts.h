// A program's own run in one call (docs/library.md): its parts (RunParts, run.h) recorded in
// the configuration, a new run directory, the training; and its resume.
#pragma once
#include <iosfwd>
#include <string>

#include "wgan/config/config.h"
#include "wgan/run/run.h"

namespace wgan {

// The configuration of a run with these parts: dataset custom for the program's data (its
// images' shape filled in as channels and image_size), arch custom for its networks, the
// automatic choices resolved, everything checked (OptionError naming the first bad value).
TrainConfig with_parts(TrainConfig config, const RunParts& parts);

// A program's whole run in one call: with_parts, a new run directory (`out`, which must be
// new or empty; when empty, runs/NNNNN-<dataset>-<loss>), then run_training. UsageError for
// bad input, RunError when the run cannot go on.
RunSummary train_run(const TrainConfig& config, const RunParts& parts, const std::string& out, std::ostream& console);

// Continues the run in `run_dir` from its latest checkpoint with the same parts, bit for bit as
// if it had not stopped; `iters` > 0 sets a new end (to extend a finished run).
RunSummary resume_run(const std::string& run_dir, const RunParts& parts, std::ostream& console, int64_t iters = 0);

}  // namespace wgan

// The run directory: config.json, metrics.jsonl, log.txt, checkpoints/ (see docs/training.md).
#pragma once
#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>

#include "wgan/config/config.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/run_lock.h"
#include "wgan/run/progress_bar.h"

namespace wgan {

// A run directory and its owner's lock (core/run_lock.h), held while the object lives.
struct OwnedRunDirectory {
  std::string path;
  RunLock lock;
};

// Makes the run directory, takes its lock and writes config.json into it, before any training,
// so that an unwritable place fails at once (UsageError). With `out` empty, a new numbered
// directory runs_root/NNNNN-<dataset>-<loss> is claimed; a given `out` must be new or empty
// (a run, or anyone's files, in it are refused: nothing there is overwritten).
OwnedRunDirectory create_run_directory(const TrainConfig& config, const std::string& out,
                                       const std::string& runs_root = "runs");

// Rewrites metrics.jsonl (atomically) without the records of iterations after `iteration`.
void truncate_metrics(const std::string& run_dir, int64_t iteration);

// metrics.jsonl: one JSON object per line, appended and flushed line by line.
class MetricsLog {
 public:
  explicit MetricsLog(const std::string& run_dir);
  void append(const nlohmann::json& record);

 private:
  AppendOnlyFile file_;
};

// What the console shows, also appended to log.txt.
class RunLog {
 public:
  RunLog(const std::string& run_dir, std::ostream& console, bool quiet);
  // Always written to log.txt; to the console unless quiet.
  void line(const std::string& text);
  // Written to both even when quiet (start and summary).
  void important(const std::string& text);
  // Only to log.txt (the console shows a progress bar instead).
  void file_only(const std::string& text);
  // Cleared before each console line.
  void set_progress_bar(ProgressBar* bar) { bar_ = bar; }

 private:
  // log.txt is what the console showed: when it cannot be appended to (a full disk) the console
  // says so once and the run goes on without it.
  std::optional<AppendOnlyFile> file_;
  std::ostream& console_;
  bool quiet_;
  ProgressBar* bar_ = nullptr;
};

}  // namespace wgan

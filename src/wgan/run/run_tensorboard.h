// A run's TensorBoard event files (docs/tensorboard.md): every number of each metrics.jsonl
// record as a scalar under its key, the pictures the run draws, histograms of the networks'
// weights every --histogram-every iterations, and the resolved configuration as text. Each
// session of a run (the first, each resume) writes a new file; rank 0 alone writes them.
// Event files are a view of the run, like its pictures: a failure to write one (a full disk)
// is a warning, after which the session writes no more of them, and training goes on.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/nets/network.h"
#include "wgan/run/run_pictures.h"

namespace wgan {

class EventFileWriter;

class RunTensorBoard {
 public:
  using Warn = std::function<void(const std::string&)>;
  // Writes nothing when config.tensorboard is off.
  RunTensorBoard(const TrainConfig& config, std::string run_dir, Warn warn);
  ~RunTensorBoard();

  // A new event file for the session that starts after `iteration`; after a resume
  // (iteration > 0) it tells TensorBoard to drop what earlier files logged after the
  // checkpoint, whose iterations are trained again.
  void start(int64_t iteration);
  // Every number of a metrics.jsonl record under its key (arrays as key/index), at its
  // iteration. Written at once: a live TensorBoard sees each record.
  void record(const nlohmann::json& record);
  void pictures(const std::vector<WrittenPicture>& written, int64_t iteration);
  // When --histogram-every says so (and at the last iteration): one histogram per parameter,
  // tagged <network>/<parameter name>.
  void histograms(const NetworkPair& networks, int64_t iteration, bool last);

 private:
  // Runs `write` and flushes; a failure warns once and ends the session's event file.
  void guarded(const std::function<void()>& write);
  void give_up(const std::exception& e);

  const TrainConfig& config_;
  std::string run_dir_;
  Warn warn_;
  std::unique_ptr<EventFileWriter> writer_;
};

// The scalars of one metrics.jsonl record: (tag, value) for every number but the iteration,
// arrays of numbers as tag/index, objects as tag/key.
std::vector<std::pair<std::string, double>> record_scalars(const nlohmann::json& record);

}  // namespace wgan

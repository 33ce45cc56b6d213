#include "wgan/run/run_parts.h"

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/run_layout.h"
#include "wgan/core/run_lock.h"
#include "wgan/run/run_directory.h"
#include "wgan/train/checkpoint.h"

namespace wgan {

TrainConfig with_parts(TrainConfig config, const RunParts& parts) {
  if (parts.data) {
    config.dataset = kCustomDataset;
    const std::vector<int64_t> shape = parts.data->sample_shape();
    if (shape.size() == 3 && shape[1] == shape[2]) {  // images: the library's networks take their shape
      if (config.channels == 0) config.channels = shape[0];
      if (config.image_size == 0) config.image_size = shape[1];
    }
  }
  if (parts.make_generator) config.arch = kCustomArch;
  resolve_automatic_choices(config);
  validate(config);
  return config;
}

RunSummary train_run(const TrainConfig& config, const RunParts& parts, const std::string& out, std::ostream& console) {
  const TrainConfig prepared = with_parts(config, parts);
  const OwnedRunDirectory run = create_run_directory(prepared, out);
  return run_training(prepared, run.path, console, parts);
}

RunSummary resume_run(const std::string& run_dir, const RunParts& parts, std::ostream& console, int64_t iters) {
  const RunLock lock(run_dir);
  const std::string checkpoint = latest_checkpoint(run_dir);
  if (checkpoint.empty())
    throw UsageError("resume " + run_dir + ": no checkpoint in " + run_dir + "/checkpoints; expected a run directory");
  const CheckpointHeader header = read_checkpoint_header(checkpoint);
  TrainConfig config = header.config;
  if (iters > 0) config.iters = iters;
  if (config.iters <= header.counters.iteration)
    throw UsageError("resume " + run_dir + ": the run has done " + std::to_string(header.counters.iteration) + " of " +
                     std::to_string(config.iters) + " iterations; expected more iterations to continue it");
  validate(config);
  write_text_atomically(RunLayout(run_dir) / RunLayout::kConfig, to_json(config).dump(2) + "\n");
  return run_training(config, run_dir, console, parts, checkpoint);
}

}  // namespace wgan

// Every path of a run directory, named once. The writers (run directory, checkpoints,
// pictures, report) and the readers (`wgan report`, `sample`, `eval`, --resume) all ask this.
//
//   config.json          every resolved option          metrics.jsonl   one record per log
//   log.txt              the console                    report.html     the page to open
//   samples/real.png, samples/iter-NNNNNNNN.png, samples/real-vs-generated.png   (images)
//   maps/iter-NNNNNNNN.png                              (2-D critic maps)
//   plots/*.png|svg      curves                         animation.gif   grids or maps in order
//   checkpoints/ckpt-NNNNNNNN.pt, checkpoints/final.pt
//   events.out.tfevents.*  TensorBoard, one file per session (tensorboard/event_file.h)
//   .lock                the owning process's lock
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace wgan {

struct RunLayout {
  // Names relative to the run directory; report.html links with these.
  static constexpr const char* kConfig = "config.json";
  static constexpr const char* kMetrics = "metrics.jsonl";
  static constexpr const char* kLog = "log.txt";
  static constexpr const char* kReport = "report.html";
  static constexpr const char* kAnimation = "animation.gif";
  static constexpr const char* kSamples = "samples";
  static constexpr const char* kMaps = "maps";
  static constexpr const char* kPlots = "plots";
  static constexpr const char* kCheckpoints = "checkpoints";
  static constexpr const char* kRealSamples = "samples/real.png";
  static constexpr const char* kRealVersusGenerated = "samples/real-vs-generated.png";
  static constexpr const char* kFinalCheckpoint = "checkpoints/final.pt";
  static constexpr const char* kLock = ".lock";  // the owner's flock (core/run_lock.h)
  // Snapshots (grids and maps) are iter-NNNNNNNN.png; periodic checkpoints ckpt-NNNNNNNN.pt.
  static constexpr const char* kSnapshotPrefix = "iter-";
  static constexpr const char* kCheckpointPrefix = "ckpt-";

  static std::string snapshot_name(int64_t iteration) { return numbered(kSnapshotPrefix, iteration, ".png"); }
  static std::string checkpoint_name(int64_t iteration) { return numbered(kCheckpointPrefix, iteration, ".pt"); }

  explicit RunLayout(std::string run_dir) : dir(std::move(run_dir)) {}
  // dir/relative
  std::string operator/(const std::string& relative) const { return dir + "/" + relative; }

  std::string dir;

 private:
  static std::string numbered(const char* prefix, int64_t iteration, const char* extension) {
    char name[48];
    std::snprintf(name, sizeof name, "%s%08lld%s", prefix, static_cast<long long>(iteration), extension);
    return name;
  }
};

}  // namespace wgan

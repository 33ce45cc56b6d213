// The pictures a run draws while it trains, every --sample-every iterations and at the end:
// for images an 8x8 grid of G(fixed noise) under samples/ (samples/real.png once, and
// samples/real-vs-generated.png at the end); for 2-D
// data a critic map with real and generated points under maps/; then the curves, the
// animation and report.html are refreshed (viz/report.h). A program's own points of another
// dimension get the curves and the report only.
#pragma once
#include <torch/types.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/core/run_layout.h"
#include "wgan/data/batch_source.h"
#include "wgan/nets/network.h"
#include "wgan/viz/image_grid.h"

namespace wgan {

// A picture just written into the run directory: what it shows (its TensorBoard tag) and where.
struct WrittenPicture {
  std::string tag;
  std::string path;
};

class RunPictures {
 public:
  // The kind of picture follows the data's samples: {C, H, W} grids, {2} maps, others none
  // (the report's curves only).
  RunPictures(const TrainConfig& config, const std::string& run_dir, BatchSource& data);
  // samples/real.png for image data (once per run directory).
  std::vector<WrittenPicture> write_real(BatchSource& data);
  bool due(int64_t iteration, bool last) const;
  // The grid or map of this iteration, then the report. `last` marks the page as finished.
  std::vector<WrittenPicture> write(NetworkImpl& generator, NetworkImpl& critic, int64_t iteration, bool last,
                                    c10::Device device) const;
  // 2-D data: critic_min and critic_max, the critic's extremes over the square its maps show
  // (seed 001's table: without a constraint they grow without bound). Empty JSON otherwise.
  nlohmann::json critic_range(NetworkImpl& critic, c10::Device device) const;

 private:
  WrittenPicture write_grid(NetworkImpl& generator, int64_t iteration, c10::Device device) const;
  std::vector<WrittenPicture> write_real_versus_generated(NetworkImpl& generator, c10::Device device) const;
  WrittenPicture write_map(NetworkImpl& generator, NetworkImpl& critic, int64_t iteration, c10::Device device) const;

  const TrainConfig& config_;
  RunLayout layout_;
  bool images_;
  bool maps_;
  double map_extent_ = 0;  // maps: the half-width of the square drawn
  GridScaling scaling_;
  torch::Tensor real_batch_;   // images: the 64 real images of samples/real.png
  torch::Tensor noise_;        // fixed noise: 64 for grids, 1,000 for maps
  torch::Tensor real_points_;  // 2-D data: 1,000 points drawn once
};

// The resolution of the critic maps and of critic_range.
inline constexpr int64_t kCriticMapResolution = 150;
// A map's square reaches this far beyond the data's: [-margin * extent, margin * extent]^2.
inline constexpr double kCriticMapMargin = 1.15;

// The critic's value on a resolution x resolution grid over [-extent, extent]^2, row 0 at the
// top (y = +extent).
torch::Tensor critic_on_grid(NetworkImpl& critic, double extent, int64_t resolution, c10::Device device);

}  // namespace wgan

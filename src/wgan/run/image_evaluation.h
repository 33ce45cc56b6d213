// Metrics of an image generator against the run's dataset (docs/metrics.md): with the feature
// network that --features names, FID, KID, the classifier metrics and precision, recall,
// density and coverage of the features; without one, the sliced Wasserstein distance of ProGAN.
#pragma once
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

#include "wgan/config/config.h"
#include "wgan/data/image_dataset.h"
#include "wgan/eval/feature_distances.h"
#include "wgan/eval/feature_network.h"
#include "wgan/eval/manifold_metrics.h"
#include "wgan/nets/network.h"

namespace wgan {

// The most real images whose features make the reference statistics.
constexpr int64_t kRealFeatureImages = 10000;
// The most images of each set the sliced Wasserstein distance compares during training, and
// its neighbourhoods per image and directions: a sixteenth of ProGAN's descriptors and half
// its directions, so that an evaluation takes seconds on a CPU (docs/metrics.md).
constexpr int64_t kSwdImages = 512;
constexpr int64_t kSwdPatchesPerImage = 64;
constexpr int64_t kSwdDirectionRepeats = 2;

class ImageEvaluator {
 public:
  // With config.features, loads the feature network and the real features: from `cache_dir`
  // when this dataset (by content) and network (by file) were seen before, else computed and
  // cached there. Without, keeps kSwdImages real images.
  // `real_images` (uint8 [N, C, H, W]): the dataset when the caller has it in memory already;
  // otherwise it is loaded here.
  ImageEvaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log, c10::Device device,
                 const torch::Tensor* real_images = nullptr);

  // The metrics of `fake` (images [N, C, H, W] in [-1, 1]): fid, kid, kid_std, precision,
  // recall, density, coverage; with a classifier also classifier_score, classes_covered,
  // classes_total and class_histogram. Without features: swd and swd_levels, of the first
  // kSwdImages images. `stream_index` seeds KID's subsets and the SWD's neighbourhoods and
  // directions.
  nlohmann::json evaluate_images(const torch::Tensor& fake, uint64_t stream_index) const;
  // How many generated images an evaluation of `n` reads: n, or at most kSwdImages for the SWD.
  int64_t samples_needed(int64_t n) const { return network_ ? n : std::min(n, kSwdImages); }

 private:
  nlohmann::json feature_metrics(const torch::Tensor& fake, uint64_t stream_index) const;
  nlohmann::json swd_metrics(const torch::Tensor& fake, uint64_t stream_index) const;
  void load_real_features(const torch::Tensor& images, const std::string& cache_dir, const LoadLog& log);

  TrainConfig config_;
  c10::Device device_;
  std::unique_ptr<FeatureNetwork> network_;  // null without --features
  torch::Tensor real_features_;
  FeatureStatistics real_statistics_;
  std::unique_ptr<ManifoldReference> manifold_;
  torch::Tensor swd_real_;  // without features: real images in [-1, 1]
};

}  // namespace wgan

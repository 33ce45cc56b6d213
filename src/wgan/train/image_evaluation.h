// FID, KID and classifier metrics of an image generator against the run's dataset, through the
// feature network that --features names (docs/metrics.md).
#pragma once
#include <nlohmann/json.hpp>

#include <memory>

#include "wgan/data/image_dataset.h"
#include "wgan/eval/feature_distances.h"
#include "wgan/eval/feature_network.h"
#include "wgan/nets/network.h"
#include "wgan/train/config.h"

namespace wgan {

// The most real images whose features make the reference statistics.
constexpr int64_t kRealFeatureImages = 10000;

class ImageEvaluator {
 public:
  // Loads the feature network and the real features: from `cache_dir` when this dataset (by
  // content) and network (by file) were seen before, else computed and cached there.
  // `real_images` (uint8 [N, C, H, W]): the dataset when the caller has it in memory already;
  // otherwise it is loaded here.
  ImageEvaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log,
                 c10::Device device, const torch::Tensor* real_images = nullptr);

  // fid, kid, kid_std; with a classifier also classifier_score, classes_covered,
  // classes_total and class_histogram. `n` images from the evaluation stream `stream_index`.
  nlohmann::json evaluate(NetworkImpl& generator, int64_t n, uint64_t stream_index) const;

 private:
  TrainConfig config_;
  c10::Device device_;
  std::unique_ptr<FeatureNetwork> network_;
  torch::Tensor real_features_;
  FeatureStatistics real_statistics_;
};

}  // namespace wgan

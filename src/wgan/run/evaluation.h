// Metrics of a generator at one point of training, as a JSON object for metrics.jsonl.
#pragma once
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

#include "wgan/config/config.h"
#include "wgan/data/batch_source.h"
#include "wgan/data/image_dataset.h"
#include "wgan/eval/metric_registry.h"
#include "wgan/eval/mode_metrics.h"
#include "wgan/nets/network.h"

namespace wgan {

// `n` samples of the generator for an evaluation: noise from the evaluation stream
// `stream_index` (the iteration), evaluation mode, no gradients, in batches of 500; on the CPU.
torch::Tensor evaluation_samples(NetworkImpl& generator, const TrainConfig& config, int64_t n, uint64_t stream_index,
                                 c10::Device device);

struct ManifoldMetrics;
// precision, recall, density and coverage into an evaluation's record.
void add_manifold_metrics(nlohmann::json& metrics, const ManifoldMetrics& m);

// w1 (exact W1 between the two sets of rows, flattened) and, above 5 rows, precision, recall,
// density and coverage.
nlohmann::json point_metrics(const torch::Tensor& samples, const torch::Tensor& real);

// The 2-D metrics of `samples` against the mixture of config.dataset: w1 (exact W1 against as
// many true samples, the same ones at every evaluation), precision, recall, density and
// coverage, and for the mixtures modes_covered, modes_total, hq_percent and reverse_kl. Empty
// JSON for a dataset that is not a 2-D toy.
nlohmann::json toy_metrics(const torch::Tensor& samples, const TrainConfig& config);

// Draws `n` samples from the generator with noise from the evaluation stream `stream_index`
// (the iteration, so each evaluation is reproducible) and returns the dataset's metrics:
// for 2-D data, w1 (exact W1 between the n samples and n true samples, the same true samples at
// every evaluation), precision, recall, density and coverage of the points, and for the
// mixtures modes_covered, modes_total, hq_percent and reverse_kl (toy_metrics). Empty JSON for
// images.
nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n, uint64_t stream_index,
                                  c10::Device device);

// The evaluation of a run at any iteration: evaluate_generator for 2-D data; for images
// (ImageEvaluator, which loads the real images or features once, here), with a feature network
// (config.features) FID, KID, the classifier metrics and precision, recall, density and
// coverage of the features, without one the sliced Wasserstein distance of the images.
class Evaluator {
 public:
  // `real_images` (uint8 [N, C, H, W]): the run's dataset when it is already in memory;
  // otherwise an image evaluator loads it. `data`: a program's own (dataset custom), whose
  // images get the image metrics and whose other samples point_metrics against its batch 0.
  Evaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log, c10::Device device,
            const torch::Tensor* real_images = nullptr, std::shared_ptr<BatchSource> data = nullptr);
  ~Evaluator();
  nlohmann::json evaluate(NetworkImpl& generator, int64_t n, uint64_t stream_index) const;
  // The same metrics of samples made elsewhere (`wgan eval --samples`): images [N, C, H, W] in
  // [-1, 1] of the run's shape, or points [N, d]; `stream_index` seeds the metrics' own draws.
  nlohmann::json evaluate_samples(const torch::Tensor& samples, uint64_t stream_index) const;

 private:
  TrainConfig config_;
  c10::Device device_;
  std::unique_ptr<class ImageEvaluator> images_;
  std::shared_ptr<BatchSource> custom_points_;  // dataset custom, samples other than images
};

}  // namespace wgan

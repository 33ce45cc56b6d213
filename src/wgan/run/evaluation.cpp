#include "wgan/run/evaluation.h"

#include <cstdio>

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/data/tensor_source.h"
#include "wgan/data/toy.h"
#include "wgan/eval/assignment.h"
#include "wgan/eval/manifold_metrics.h"
#include "wgan/run/image_evaluation.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {
// Evaluation streams are indexed by iteration; the true sample uses one no iteration reaches.
constexpr uint64_t kRealSampleIndex = ~uint64_t{0};
}  // namespace

torch::Tensor evaluation_samples(NetworkImpl& generator, const TrainConfig& config, int64_t n, uint64_t stream_index,
                                 c10::Device device) {
  auto noise_gen = make_generator(config.seed, Stream::kEvaluation, stream_index);
  return forward_in_eval_mode(generator, sample_noise(config, n, noise_gen), device, /*batch_size=*/500);
}

void add_manifold_metrics(nlohmann::json& metrics, const ManifoldMetrics& m) {
  metrics[metric::kPrecision] = m.precision;
  metrics[metric::kRecall] = m.recall;
  metrics[metric::kDensity] = m.density;
  metrics[metric::kCoverage] = m.coverage;
}

nlohmann::json point_metrics(const torch::Tensor& samples, const torch::Tensor& real) {
  const auto a = samples.flatten(1), b = real.flatten(1);
  nlohmann::json metrics = {{metric::kW1, exact_wasserstein(a, b, 1)}};
  if (a.size(0) > 5) add_manifold_metrics(metrics, manifold_metrics(b, a));
  return metrics;
}

nlohmann::json toy_metrics(const torch::Tensor& samples, const TrainConfig& config) {
  if (!is_toy_dataset(config.dataset)) return nlohmann::json::object();
  const auto distribution = ToyDistribution::from_name(config.dataset);
  // The same true sample at every evaluation, so that changes of w1 are the generator's.
  auto real_gen = make_generator(config.seed, Stream::kEvaluation, kRealSampleIndex);
  const torch::Tensor real = distribution.sample(samples.size(0), real_gen);
  nlohmann::json metrics = point_metrics(samples, real);
  if (distribution.has_modes()) {
    const ModeMetrics m = mode_metrics(samples, distribution.modes(), distribution.mode_std());
    metrics[metric::kModesCovered] = m.modes_covered;
    metrics[metric::kModesTotal] = m.modes_total;
    metrics[metric::kHighQuality] = 100.0 * m.high_quality_fraction;
    metrics[metric::kReverseKl] = m.reverse_kl;
  }
  return metrics;
}

nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n, uint64_t stream_index,
                                  c10::Device device) {
  if (!is_toy_dataset(config.dataset)) return nlohmann::json::object();
  return toy_metrics(evaluation_samples(generator, config, n, stream_index, device), config);
}

Evaluator::Evaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log, c10::Device device,
                     const torch::Tensor* real_images, std::shared_ptr<BatchSource> data)
    : config_(config), device_(device) {
  if (is_custom_dataset(config.dataset)) {
    if (!data) throw UsageError("dataset custom: the evaluation needs the program's data (RunParts::data)");
    if (data->sample_shape().size() != 3) {
      custom_points_ = std::move(data);
      return;
    }
    // The image metrics take uint8 pixels, as a loaded dataset holds them.
    const int64_t n = config.features.empty() ? kSwdImages : kRealFeatureImages;
    const torch::Tensor pixels = pixels_from_normalized(data->batch(0, n));
    images_ = std::make_unique<ImageEvaluator>(config, cache_dir, log, device, &pixels);
  } else if (!is_toy_dataset(config.dataset)) {
    images_ = std::make_unique<ImageEvaluator>(config, cache_dir, log, device, real_images);
  }
}

Evaluator::~Evaluator() = default;

nlohmann::json Evaluator::evaluate(NetworkImpl& generator, int64_t n, uint64_t stream_index) const {
  const int64_t drawn = images_ ? images_->samples_needed(n) : n;
  return evaluate_samples(evaluation_samples(generator, config_, drawn, stream_index, device_), stream_index);
}

nlohmann::json Evaluator::evaluate_samples(const torch::Tensor& samples, uint64_t stream_index) const {
  if (images_) return images_->evaluate_images(samples, stream_index);
  if (custom_points_)  // batch 0 of n rows: the same real sample at every evaluation
    return point_metrics(samples, custom_points_->batch(0, samples.size(0)));
  return toy_metrics(samples, config_);
}

}  // namespace wgan

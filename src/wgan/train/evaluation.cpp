#include "wgan/train/evaluation.h"

#include <cstdio>

#include "wgan/core/random.h"
#include "wgan/data/toy.h"
#include "wgan/eval/assignment.h"
#include "wgan/eval/manifold_metrics.h"
#include "wgan/train/image_evaluation.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {
// Evaluation streams are indexed by iteration; the true sample uses one no iteration reaches.
constexpr uint64_t kRealSampleIndex = ~uint64_t{0};
}  // namespace

torch::Tensor evaluation_samples(NetworkImpl& generator, const TrainConfig& config, int64_t n,
                                 uint64_t stream_index, c10::Device device) {
  auto noise_gen = make_generator(config.seed, Stream::kEvaluation, stream_index);
  return forward_in_eval_mode(generator, sample_noise(config, n, noise_gen), device, /*batch_size=*/500);
}

void add_manifold_metrics(nlohmann::json& metrics, const ManifoldMetrics& m) {
  metrics[metric::kPrecision] = m.precision;
  metrics[metric::kRecall] = m.recall;
  metrics[metric::kDensity] = m.density;
  metrics[metric::kCoverage] = m.coverage;
}

nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n,
                                  uint64_t stream_index, c10::Device device) {
  if (!is_toy_dataset(config.dataset)) return nlohmann::json::object();
  const auto distribution = ToyDistribution::from_name(config.dataset);
  const auto samples = evaluation_samples(generator, config, n, stream_index, device);
  // The same true sample at every evaluation, so that changes of w1 are the generator's.
  auto real_gen = make_generator(config.seed, Stream::kEvaluation, kRealSampleIndex);
  const torch::Tensor real = distribution.sample(n, real_gen);
  nlohmann::json metrics = {{metric::kW1, exact_wasserstein(samples, real, 1)}};
  if (n > 5) add_manifold_metrics(metrics, manifold_metrics(real, samples));
  if (distribution.has_modes()) {
    const ModeMetrics m = mode_metrics(samples, distribution.modes(), distribution.mode_std());
    metrics[metric::kModesCovered] = m.modes_covered;
    metrics[metric::kModesTotal] = m.modes_total;
    metrics[metric::kHighQuality] = 100.0 * m.high_quality_fraction;
    metrics[metric::kReverseKl] = m.reverse_kl;
  }
  return metrics;
}

Evaluator::Evaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log,
                     c10::Device device, const torch::Tensor* real_images)
    : config_(config), device_(device) {
  if (!is_toy_dataset(config.dataset))
    images_ = std::make_unique<ImageEvaluator>(config, cache_dir, log, device, real_images);
}

Evaluator::~Evaluator() = default;

nlohmann::json Evaluator::evaluate(NetworkImpl& generator, int64_t n, uint64_t stream_index) const {
  if (images_) return images_->evaluate(generator, n, stream_index);
  return evaluate_generator(generator, config_, n, stream_index, device_);
}

}  // namespace wgan

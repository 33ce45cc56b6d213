#include "wgan/train/evaluation.h"

#include <cstdio>

#include "wgan/core/random.h"
#include "wgan/data/toy.h"
#include "wgan/eval/assignment.h"
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

nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n,
                                  uint64_t stream_index, c10::Device device) {
  if (!is_toy_dataset(config.dataset)) return nlohmann::json::object();
  const auto distribution = ToyDistribution::from_name(config.dataset);
  const auto samples = evaluation_samples(generator, config, n, stream_index, device);
  // The same true sample at every evaluation, so that changes of w1 are the generator's.
  auto real_gen = make_generator(config.seed, Stream::kEvaluation, kRealSampleIndex);
  nlohmann::json metrics = {{"w1", exact_wasserstein(samples, distribution.sample(n, real_gen), 1)}};
  if (distribution.has_modes()) {
    const ModeMetrics m = mode_metrics(samples, distribution.modes(), distribution.mode_std());
    metrics["modes_covered"] = m.modes_covered;
    metrics["modes_total"] = m.modes_total;
    metrics["hq_percent"] = 100.0 * m.high_quality_fraction;
    metrics["reverse_kl"] = m.reverse_kl;
  }
  return metrics;
}

Evaluator::Evaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log,
                     c10::Device device, const torch::Tensor* real_images)
    : config_(config), device_(device) {
  if (!is_toy_dataset(config.dataset) && !config.features.empty())
    images_ = std::make_unique<ImageEvaluator>(config, cache_dir, log, device, real_images);
}

Evaluator::~Evaluator() = default;

nlohmann::json Evaluator::evaluate(NetworkImpl& generator, int64_t n, uint64_t stream_index) const {
  if (images_) return images_->evaluate(generator, n, stream_index);
  return evaluate_generator(generator, config_, n, stream_index, device_);
}

std::string describe_metrics(const nlohmann::json& metrics) {
  std::string line;
  auto add = [&line](const char* format, auto... values) {
    char text[160];
    std::snprintf(text, sizeof text, format, values...);
    line += (line.empty() ? "" : "  ") + std::string(text);
  };
  auto real = [&metrics](const char* key) { return metrics[key].get<double>(); };
  auto integer = [&metrics](const char* key) { return static_cast<long long>(metrics[key].get<int64_t>()); };
  if (metrics.contains("modes_covered"))
    add("modes %lld/%lld  high-quality %.1f%%  reverse KL %.4f nats", integer("modes_covered"),
        integer("modes_total"), real("hq_percent"), real("reverse_kl"));
  if (metrics.contains("w1")) add("W1 %.4f", real("w1"));
  if (metrics.contains("fid")) add("FID %.3f  KID %.5f", real("fid"), real("kid"));
  if (metrics.contains("classifier_score"))
    add("classifier score %.3f  classes %lld/%lld", real("classifier_score"), integer("classes_covered"),
        integer("classes_total"));
  return line;
}

}  // namespace wgan

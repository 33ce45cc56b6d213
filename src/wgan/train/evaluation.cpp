#include "wgan/train/evaluation.h"

#include <cstdio>

#include "wgan/core/random.h"
#include "wgan/data/toy.h"
#include "wgan/eval/assignment.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {
// Evaluation streams are indexed by iteration; the true sample uses one no iteration reaches.
constexpr uint64_t kRealSampleIndex = ~uint64_t{0};
}  // namespace

nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n,
                                  uint64_t stream_index, c10::Device device) {
  if (!is_toy_dataset(config.dataset)) return nlohmann::json::object();
  const auto distribution = ToyDistribution::from_name(config.dataset);
  auto noise_gen = make_generator(config.seed, Stream::kEvaluation, stream_index);
  torch::Tensor samples;
  {
    torch::NoGradGuard no_grad;
    const bool was_training = generator.is_training();
    generator.eval();
    samples = generator.forward(sample_noise(config, n, noise_gen).to(device)).cpu();
    generator.train(was_training);
  }
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

std::string describe_metrics(const nlohmann::json& metrics) {
  std::string line;
  char text[160];
  if (metrics.contains("modes_covered")) {
    std::snprintf(text, sizeof text, "modes %lld/%lld  high-quality %.1f%%  reverse KL %.4f nats",
                  static_cast<long long>(metrics["modes_covered"].get<int64_t>()),
                  static_cast<long long>(metrics["modes_total"].get<int64_t>()),
                  metrics["hq_percent"].get<double>(), metrics["reverse_kl"].get<double>());
    line += text;
  }
  if (metrics.contains("w1")) {
    std::snprintf(text, sizeof text, "%sW1 %.4f", line.empty() ? "" : "  ", metrics["w1"].get<double>());
    line += text;
  }
  return line;
}

}  // namespace wgan

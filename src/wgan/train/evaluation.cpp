#include "wgan/train/evaluation.h"

#include <cstdio>

#include "wgan/core/random.h"
#include "wgan/data/toy.h"
#include "wgan/train/trainer.h"

namespace wgan {

nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n,
                                  uint64_t stream_index, c10::Device device) {
  if (!is_toy_dataset(config.dataset)) return nlohmann::json::object();
  const auto distribution = ToyDistribution::from_name(config.dataset);
  if (!distribution.has_modes()) return nlohmann::json::object();
  auto noise_gen = make_generator(config.seed, Stream::kEvaluation, stream_index);
  torch::Tensor samples;
  {
    torch::NoGradGuard no_grad;
    const bool was_training = generator.is_training();
    generator.eval();
    samples = generator.forward(sample_noise(config, n, noise_gen).to(device)).cpu();
    generator.train(was_training);
  }
  const ModeMetrics m = mode_metrics(samples, distribution.modes(), distribution.mode_std());
  return {{"modes_covered", m.modes_covered},
          {"modes_total", m.modes_total},
          {"hq_percent", 100.0 * m.high_quality_fraction},
          {"reverse_kl", m.reverse_kl}};
}

std::string describe_metrics(const nlohmann::json& metrics) {
  if (!metrics.contains("modes_covered")) return "";
  char text[160];
  std::snprintf(text, sizeof text, "modes %lld/%lld  high-quality %.1f%%  reverse KL %.4f nats",
                static_cast<long long>(metrics["modes_covered"].get<int64_t>()),
                static_cast<long long>(metrics["modes_total"].get<int64_t>()),
                metrics["hq_percent"].get<double>(), metrics["reverse_kl"].get<double>());
  return text;
}

}  // namespace wgan

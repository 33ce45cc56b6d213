// wgan eval: metrics of a trained run's generator, printed and appended to metrics.jsonl; with
// --samples, the same metrics of samples made elsewhere (another program's generator), printed.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/cli/validators.h"
#include "wgan/core/error.h"
#include "wgan/data/tensor_source.h"
#include "wgan/eval/metric_registry.h"
#include "wgan/eval/point_file.h"
#include "wgan/run/evaluation.h"
#include "wgan/run/run_directory.h"
#include "wgan/run/runtime.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/networks.h"

namespace wgan::cli {
namespace {

struct EvalOptions {
  std::string run;
  int64_t n = 2500;
  uint64_t seed = 0;
  int64_t threads = 0;
  std::string features;
  GeneratorChoice generator = GeneratorChoice::kAuto;
  std::string samples;
};

// The most samples a file may hold: 2-D points get an exact W1 by optimal assignment, cubic in
// their number (5,000 take seconds, as `wgan distance`'s default limit); images go through the
// feature network in batches and 50,000 is the usual FID sample.
constexpr int64_t kMaxSamplePoints = 5000;
constexpr int64_t kMaxSampleImages = 50000;

// A file of samples for the run's metrics: images [N, C, H, W] of the run's shape, float in
// [-1, 1] or uint8 pixels, or 2-D points [N, 2]; from two to the limit above.
torch::Tensor read_samples(const std::string& path, const TrainConfig& config, bool images) {
  torch::Tensor t = read_tensor_file(path);
  const std::string expected =
      images ? "[N, " + std::to_string(config.channels) + ", " + std::to_string(config.image_size) + ", " +
                   std::to_string(config.image_size) + "] images in [-1, 1] (or uint8 pixels), as the run's"
             : "[N, 2] points, as the run's";
  const auto shape = t.sizes().vec();
  const bool shaped = images ? t.dim() == 4 && shape[1] == config.channels && shape[2] == config.image_size &&
                                   shape[3] == config.image_size
                             : t.dim() == 2 && shape[1] == 2;  // every toy is 2-D
  if (!shaped || t.size(0) < 2 || t.is_complex())
    throw UsageError(path + ": a tensor of shape " + c10::str(t.sizes()) + "; expected " + expected);
  const int64_t most = images ? kMaxSampleImages : kMaxSamplePoints;
  if (t.size(0) > most)
    throw UsageError(path + ": " + std::to_string(t.size(0)) + " samples; expected at most " + std::to_string(most));
  if (t.scalar_type() == torch::kUInt8) return normalize_pixels(t);
  t = t.to(torch::kFloat32);
  if (!torch::isfinite(t).all().item<bool>())
    throw UsageError(path + ": NaN or Inf among the samples; expected " + expected);
  if (images && (t.min().item<float>() < -1.0f - 1e-4f || t.max().item<float>() > 1.0f + 1e-4f))
    throw UsageError(path + ": pixels from " + std::to_string(t.min().item<float>()) + " to " +
                     std::to_string(t.max().item<float>()) + "; expected " + expected);
  return t;
}

// Prints the metrics of a file of samples against the run's data; the run's log is not touched
// (the samples are not its generator's).
int eval_samples(const EvalOptions& o, const torch::Tensor& samples, const CheckpointState& model,
                 const Evaluator& evaluator) {
  const nlohmann::json metrics = evaluator.evaluate_samples(samples, model.counters.iteration);
  if (metrics.empty())
    throw UsageError("--samples: no metric for dataset " + model.config.dataset +
                     "; expected a run of images or 2-D points");
  std::cout << o.samples << " (" << samples.size(0) << " samples): " << describe_metrics(metrics) << "\n";
  std::cout << metrics.dump() << "\n";
  return 0;
}

int run_eval(const EvalOptions& o) {
  if (o.n <= 0) throw UsageError("--n: expected a positive integer, got " + std::to_string(o.n));
  configure_threads(o.threads);
  CheckpointState model = load_checkpoint(latest_checkpoint_or_fail(o.run));
  if (o.seed) model.config.seed = o.seed;
  const int64_t iteration = model.counters.iteration;
  if (!o.features.empty()) model.config.features = o.features;
  // Read before the evaluator loads the real data, so that a wrong file fails at once.
  const torch::Tensor samples = o.samples.empty()
                                    ? torch::Tensor()
                                    : read_samples(o.samples, model.config, !is_toy_dataset(model.config.dataset));
  const Evaluator evaluator(
      model.config, data_cache_dir(model.config, o.run), [](const std::string& line) { std::cout << line << "\n"; },
      c10::Device(c10::kCPU));
  if (!o.samples.empty()) return eval_samples(o, samples, model, evaluator);
  nlohmann::json metrics = evaluator.evaluate(sampling_generator(model.networks, o.generator), o.n, iteration);
  if (metrics.empty()) {
    std::cout << "no metric for dataset " << model.config.dataset
              << (is_toy_dataset(model.config.dataset) ? "" : "; give --features FILE.pt (see docs/metrics.md)")
              << "\n";
    return 0;
  }
  std::cout << "iteration " << iteration << ": " << describe_metrics(metrics) << "\n";
  nlohmann::json record = {{metric::kIteration, iteration},
                           {"source", "wgan eval"},
                           {"eval_samples", o.n},
                           {"generator", name_of(o.generator)}};
  record.update(metrics);
  MetricsLog(o.run).append(record);
  return 0;
}

}  // namespace

Action add_eval_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("eval", "evaluate a trained run (appends to metrics.jsonl)");
  auto o = std::make_shared<EvalOptions>();
  sub->add_option("--run", o->run, "run directory")->required();
  sub->add_option("--n", o->n, "generated samples");
  sub->add_option("--seed", o->seed, "evaluation seed (default: the run's)")->check(non_negative_integer());
  sub->add_option("--features", o->features, "feature network for FID/KID of images (default: the run's)");
  sub->add_option(
      "--samples", o->samples,
      "score this file instead of the run's generator: a tensor saved with torch.save, images "
      "[N, C, H, W] in [-1, 1] (or uint8) or 2-D points [N, 2], against the run's data; printed, not logged");
  add_generator_option(sub, o->generator);
  add_threads_option(sub, o->threads);
  return [o] { return run_eval(*o); };
}

}  // namespace wgan::cli

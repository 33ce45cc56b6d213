// wgan eval: metrics of a trained run's generator, printed and appended to metrics.jsonl.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/cli/validators.h"
#include "wgan/core/error.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/evaluation.h"
#include "wgan/train/networks.h"
#include "wgan/train/run_directory.h"
#include "wgan/train/runtime.h"

namespace wgan::cli {
namespace {

struct EvalOptions {
  std::string run;
  int64_t n = 2500;
  uint64_t seed = 0;
  int64_t threads = 0;
  std::string features;
  std::string generator = "auto";
};

int run_eval(const EvalOptions& o) {
  if (o.n <= 0) throw UsageError("--n: expected a positive integer, got " + std::to_string(o.n));
  configure_threads(o.threads);
  CheckpointState model = load_checkpoint(latest_checkpoint_or_fail(o.run));
  if (o.seed) model.config.seed = o.seed;
  const int64_t iteration = model.counters.iteration;
  if (!o.features.empty()) model.config.features = o.features;
  const Evaluator evaluator(model.config, data_cache_dir(model.config, o.run),
                            [](const std::string& line) { std::cout << line << "\n"; }, c10::Device(c10::kCPU));
  nlohmann::json metrics = evaluator.evaluate(sampling_generator(model.networks, o.generator), o.n, iteration);
  if (metrics.empty()) {
    std::cout << "no metric for dataset " << model.config.dataset
              << (is_toy_dataset(model.config.dataset) ? "" : "; give --features FILE.pt (see docs/metrics.md)") << "\n";
    return 0;
  }
  std::cout << "iteration " << iteration << ": " << describe_metrics(metrics) << "\n";
  nlohmann::json record = {{"iter", iteration}, {"source", "wgan eval"}, {"eval_samples", o.n}, {"generator", o.generator}};
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
  add_generator_option(sub, o->generator);
  add_threads_option(sub, o->threads);
  return [o] { return run_eval(*o); };
}

}  // namespace wgan::cli

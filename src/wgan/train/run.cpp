#include "wgan/train/run.h"

#include <chrono>
#include <cstdio>
#include <ostream>

#include "wgan/data/toy_source.h"
#include "wgan/train/evaluation.h"
#include "wgan/train/model_file.h"
#include "wgan/train/run_directory.h"
#include "wgan/train/runtime.h"

namespace wgan {
namespace {

using Clock = std::chrono::steady_clock;

std::string format_duration(double seconds) {
  char text[32];
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  else
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  return text;
}

nlohmann::json metrics_record(const IterationValues& v, double seconds) {
  nlohmann::json record = {{"iter", v.iteration},   {"time_s", seconds},
                           {"loss_d", v.loss_d},    {"loss_g", v.loss_g},
                           {"d_real", v.d_real},    {"d_fake", v.d_fake},
                           {"wasserstein_estimate", v.wasserstein_estimate}};
  if (v.has_penalty) record["gradient_penalty"] = v.penalty;
  return record;
}

std::string progress_line(const IterationValues& v, int64_t iters, double rate) {
  char text[256];
  int used = std::snprintf(text, sizeof text,
                           "iter %6lld/%lld  loss_d %9.4f  loss_g %9.4f  W %8.4f",
                           static_cast<long long>(v.iteration), static_cast<long long>(iters),
                           v.loss_d, v.loss_g, v.wasserstein_estimate);
  if (v.has_penalty) used += std::snprintf(text + used, sizeof text - used, "  gp %7.4f", v.penalty);
  const double eta = rate > 0 ? static_cast<double>(iters - v.iteration) / rate : 0;
  std::snprintf(text + used, sizeof text - used, "  %6.1f it/s  ETA %s", rate,
                format_duration(eta).c_str());
  return text;
}

}  // namespace

std::shared_ptr<BatchSource> make_batch_source(const TrainConfig& config) {
  return std::make_shared<ToySource>(ToyDistribution::from_name(config.dataset), config.seed,
                                     config.toy_points);
}

RunSummary run_training(const TrainConfig& config, const std::string& run_dir,
                        std::ostream& console) {
  const int64_t threads = configure_threads(config.threads);
  const c10::Device device = resolve_device(config.device);
  RunLog log(run_dir, console, config.quiet);
  log.important("run directory: " + run_dir);
  log.important("training " + config.loss + " on " + config.dataset + " for " +
                std::to_string(config.iters) + " generator iterations (batch " +
                std::to_string(config.batch_size) + ", n_critic " +
                std::to_string(config.n_critic) + ", seed " + std::to_string(config.seed) +
                ") on " + device.str() + " with " + std::to_string(threads) + " threads");

  Trainer trainer(config, make_networks(config), make_batch_source(config), device);
  MetricsLog metrics(run_dir);
  const auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  RunSummary summary;
  summary.run_dir = run_dir;
  while (trainer.iteration() < config.iters) {
    IterationStats stats = trainer.train_iteration();
    const int64_t it = stats.iteration;
    const bool last = it == config.iters;
    const bool log_now = it % config.log_every == 0 || last;
    const bool print_now = it % config.print_every == 0 || last;
    const bool eval_now = last || (config.eval_every > 0 && it % config.eval_every == 0);
    if (!(log_now || print_now || eval_now)) continue;

    // Reading the values back is the only host synchronisation of the loop.
    const IterationValues values = to_values(stats);
    summary.last = values;
    nlohmann::json record = metrics_record(values, elapsed());
    if (eval_now) {
      nlohmann::json evaluation = evaluate_generator(trainer.generator(), config,
                                                     config.eval_samples, it, device);
      record.update(evaluation);
      if (last) summary.final_metrics = evaluation;
      if (!evaluation.empty() && !last) log.line("eval   " + describe_metrics(evaluation));
    }
    metrics.append(record);
    if (print_now) log.line(progress_line(values, config.iters, it / std::max(elapsed(), 1e-9)));
  }
  summary.seconds = elapsed();
  save_model(final_model_path(run_dir), config, trainer.networks(), trainer.iteration());

  char done[160];
  std::snprintf(done, sizeof done, "done: %lld iterations in %.1f s (%.1f it/s)",
                static_cast<long long>(trainer.iteration()), summary.seconds,
                trainer.iteration() / std::max(summary.seconds, 1e-9));
  log.important(done);
  char estimate[96];
  std::snprintf(estimate, sizeof estimate, "final Wasserstein estimate %.4f",
                summary.last.wasserstein_estimate);
  log.important(estimate);
  if (!summary.final_metrics.empty()) log.important(describe_metrics(summary.final_metrics));
  log.important("model: " + final_model_path(run_dir));
  return summary;
}

}  // namespace wgan

#include "wgan/train/run.h"

#include <chrono>
#include <optional>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <ostream>

#include "wgan/core/error.h"
#include "wgan/dist/data_parallel.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/evaluation.h"
#include "wgan/train/run_directory.h"
#include "wgan/train/progress_bar.h"
#include "wgan/train/run_pictures.h"
#include "wgan/train/runtime.h"
#include "wgan/train/stop_signals.h"

namespace wgan {
namespace {

using Clock = std::chrono::steady_clock;

// Data-parallel wiring shared by rank 0 and the workers, after any restore: this rank's share
// of each batch, gradients averaged before every optimiser step, the same weights everywhere.
void join_group(Trainer& trainer, ProcessGroup& group) {
  trainer.set_rank(group.rank(), group.world_size());
  trainer.before_optimizer_step = [&group](NetworkImpl& network) { average_gradients(group, network); };
  check_same_parameters(group, trainer.generator(), "generator");
  check_same_parameters(group, trainer.critic(), "critic");
}

// After each iteration: the logged values averaged over the ranks, and whether any rank was
// asked to stop (so that all stop after the same iteration).
bool end_of_iteration(ProcessGroup* group, IterationStats& stats, bool stop_requested) {
  if (!group) return stop_requested;
  return average_values_and_any(
      *group, {&stats.loss_d, &stats.loss_g, &stats.d_real, &stats.d_fake, &stats.penalty}, stop_requested);
}

nlohmann::json metrics_record(const IterationValues& v, double seconds, int64_t skipped) {
  nlohmann::json record = {{"iter", v.iteration},   {"time_s", seconds},
                           {"loss_d", v.loss_d},    {"loss_g", v.loss_g},
                           {"d_real", v.d_real},    {"d_fake", v.d_fake},
                           {"wasserstein_estimate", v.wasserstein_estimate}};
  if (v.has_penalty) record["gradient_penalty"] = v.penalty;
  if (skipped > 0) record["skipped_steps"] = skipped;
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

std::string short_status(const IterationValues& v) {
  char text[128];
  std::snprintf(text, sizeof text, "loss_d %.4g  loss_g %.4g  W %.4g", v.loss_d, v.loss_g,
                v.wasserstein_estimate);
  return text;
}

// What every training process sets up first: its threads, its memory policy, its device.
struct ProcessSetup {
  int64_t threads;
  c10::Device device;
};

ProcessSetup set_up_process(const TrainConfig& config, int64_t rank) {
  const int64_t threads = configure_threads(config.threads);
  if (config.fast_paths) keep_freed_memory();
  return {threads, resolve_device_for_rank(config.device, rank)};
}

}  // namespace

RunSummary run_training(const TrainConfig& config, const std::string& run_dir,
                        std::ostream& console, bool resume, ProcessGroup* group) {
  const auto [threads, device] = set_up_process(config, group ? group->rank() : 0);
  ProgressBar bar(console, !config.quiet && &console == &std::cout && stdout_is_terminal());
  RunLog log(run_dir, console, config.quiet);
  log.set_progress_bar(&bar);
  const std::string cache_dir = data_cache_dir(config, run_dir);
  const auto log_line = [&](const std::string& text) { log.line(text); };
  // An image dataset is loaded once, for the batches and for the real features of --features.
  std::optional<ImageDataset> images;
  if (!is_toy_dataset(config.dataset)) images = load_configured_images(config, log_line, cache_dir);
  auto data = images ? make_image_batch_source(*images, config.seed) : make_batch_source(config, log_line, cache_dir);
  Trainer trainer(config, make_networks(config), data, device);
  const Evaluator evaluator(config, cache_dir, log_line, device, images ? &images->images : nullptr);
  RunPictures pictures(config, run_dir);
  pictures.write_real(*data);

  double time_before = 0;  // training time of earlier sessions of this run
  std::string last_checkpoint;
  if (resume) {
    last_checkpoint = latest_checkpoint(run_dir);
    if (last_checkpoint.empty())
      throw UsageError("--resume " + run_dir + ": no checkpoint in " + run_dir + "/checkpoints");
    time_before = trainer.restore(last_checkpoint);
    // Records logged after the checkpoint belong to iterations that will be trained again.
    truncate_metrics(run_dir, trainer.iteration());
    log.important("resumed " + run_dir + " at iteration " + std::to_string(trainer.iteration()) +
                  " from " + last_checkpoint);
  } else {
    log.important("run directory: " + run_dir);
  }
  if (group) join_group(trainer, *group);
  log.important("training " + config.loss + " on " + config.dataset + " for " +
                std::to_string(config.iters) + " generator iterations (batch " +
                std::to_string(config.batch_size) +
                (group ? " on each of " + std::to_string(group->world_size()) + " ranks" : std::string()) +
                ", n_critic " +
                std::to_string(config.n_critic) + ", seed " + std::to_string(config.seed) +
                ") on " + device.str() + " with " + std::to_string(threads) + " threads");

  MetricsLog metrics(run_dir);
  StopSignals stop;
  const auto start = Clock::now();
  const int64_t first_iteration = trainer.iteration();
  auto session_s = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  auto save = [&](const std::string& path) {
    save_checkpoint(path, trainer.checkpoint_state(time_before + session_s()));
    last_checkpoint = path;
  };

  RunSummary summary;
  summary.run_dir = run_dir;
  std::string status;  // the latest values read back, for the progress bar
  while (trainer.iteration() < config.iters) {
    IterationStats stats;
    bool stopping = false;
    const std::string kept = last_checkpoint.empty() ? std::string("none yet") : last_checkpoint;
    try {
      stats = trainer.train_iteration();
      stopping = end_of_iteration(group, stats, stop.requested());
    } catch (const DivergenceError& e) {
      throw RunError(std::string(e.what()) + "; stopped (--on-nan stop); last good checkpoint: " + kept);
    } catch (const RunError& e) {
      if (!group) throw;
      throw RunError(std::string(e.what()) + "; last checkpoint: " + kept);  // a lost rank
    }
    const int64_t it = stats.iteration;
    const double rate = (it - first_iteration) / std::max(session_s(), 1e-9);
    const bool last = it == config.iters;
    const bool log_now = it % config.log_every == 0 || last;
    const bool print_now = it % config.print_every == 0 || last;
    const bool eval_now = last || (config.eval_every > 0 && it % config.eval_every == 0);
    if (log_now || print_now || eval_now) {
      // Reading the values back is the only host synchronisation of the loop.
      const IterationValues values = to_values(stats);
      status = short_status(values);
      summary.last = values;
      nlohmann::json record =
          metrics_record(values, time_before + session_s(), trainer.counters().skipped_steps);
      if (eval_now) {
        const double eval_start = session_s();
        nlohmann::json evaluation = evaluator.evaluate(trainer.generator(), config.eval_samples, it);
        record.update(evaluation);
        if (!evaluation.empty()) record["eval_s"] = session_s() - eval_start;  // bench/ sums it
        if (last) summary.final_metrics = evaluation;
        if (!evaluation.empty() && !last) log.line("eval   " + describe_metrics(evaluation));
      }
      metrics.append(record);
      // On a terminal the bar shows progress; the periodic lines go to log.txt (and to the
      // console when it is not a terminal).
      if (print_now) {
        const std::string line = progress_line(values, config.iters, rate);
        bar.enabled() && !last ? log.file_only(line) : log.line(line);
      }
    }
    bar.update(it, config.iters, rate, status);
    if (pictures.due(it, last)) pictures.write(trainer.generator(), trainer.critic(), it, last, device);
    if (!last && (stopping || (config.checkpoint_every > 0 && it % config.checkpoint_every == 0))) {
      save(checkpoint_path(run_dir, it));
      prune_checkpoints(run_dir, config.keep_checkpoints);
    }
    if (stopping && !last) {
      summary.stopped = true;
      summary.seconds = time_before + session_s();
      log.important("stopped by signal " + std::to_string(stop.signal()) +
                    " at iteration " + std::to_string(it) + "; checkpoint " + last_checkpoint);
      log.important("resume with: wgan train --resume " + run_dir);
      return summary;
    }
  }
  summary.seconds = time_before + session_s();
  save(final_checkpoint_path(run_dir));

  const double session = session_s();
  char done[160];
  std::snprintf(done, sizeof done, "done: %lld iterations in %.1f s (%.1f it/s)",
                static_cast<long long>(trainer.iteration()), summary.seconds,
                (trainer.iteration() - first_iteration) / std::max(session, 1e-9));
  log.important(done);
  if (group) {
    char share[160];
    std::snprintf(share, sizeof share, "rank 0 spent %.1f s of %.1f s (%.0f %%) in all-reduce (%lld ranks)",
                  group->collective_seconds(), session, 100 * group->collective_seconds() / std::max(session, 1e-9),
                  static_cast<long long>(group->world_size()));
    log.important(share);
  }
  char estimate[96];
  std::snprintf(estimate, sizeof estimate, "final Wasserstein estimate %.4f",
                summary.last.wasserstein_estimate);
  log.important(estimate);
  if (!summary.final_metrics.empty()) log.important(describe_metrics(summary.final_metrics));
  log.important("model: " + final_checkpoint_path(run_dir));
  return summary;
}

void run_worker(const TrainConfig& config, const std::string& run_dir, bool resume,
                ProcessGroup& group) {
  const c10::Device device = set_up_process(config, group.rank()).device;
  auto data = make_batch_source(config, [](const std::string&) {}, data_cache_dir(config, run_dir));
  Trainer trainer(config, make_networks(config), data, device);
  if (resume) {
    const std::string checkpoint = latest_checkpoint(run_dir);
    if (checkpoint.empty())
      throw UsageError("--resume " + run_dir + ": no checkpoint in " + run_dir + "/checkpoints");
    trainer.restore(checkpoint);
  }
  join_group(trainer, group);
  StopSignals stop;
  while (trainer.iteration() < config.iters) {
    IterationStats stats = trainer.train_iteration();
    if (end_of_iteration(&group, stats, stop.requested())) return;
  }
}

}  // namespace wgan

#include "wgan/run/run.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <ostream>
#include <thread>

#include "wgan/core/error.h"
#include "wgan/core/free_cores.h"
#include "wgan/core/names.h"
#include "wgan/core/random.h"
#include "wgan/distributed/data_parallel.h"
#include "wgan/objectives/objective_values.h"
#include "wgan/run/evaluation.h"
#include "wgan/run/memory_estimate.h"
#include "wgan/run/program_parts.h"
#include "wgan/run/progress_bar.h"
#include "wgan/run/run_directory.h"
#include "wgan/run/run_pictures.h"
#include "wgan/run/run_tensorboard.h"
#include "wgan/run/runtime.h"
#include "wgan/run/stop_signals.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/generator_average.h"
#include "wgan/train/iteration_protocol.h"

namespace wgan {
namespace {

using Clock = std::chrono::steady_clock;

nlohmann::json metrics_record(const IterationValues& v, double seconds, int64_t skipped) {
  using namespace metric;
  nlohmann::json record = {{kIteration, v.iteration},
                           {kTime, seconds},
                           {kLossD, v.loss_d},
                           {kLossG, v.loss_g},
                           {kDReal, v.d_real},
                           {kDFake, v.d_fake},
                           {kWassersteinEstimate, v.wasserstein_estimate}};
  if (v.has_penalty) record[kPenalty] = v.penalty;
  if (skipped > 0) record[kSkippedSteps] = skipped;
  return record;
}

std::string progress_line(const IterationValues& v, int64_t iters, double rate) {
  char text[256];
  int used = std::snprintf(text, sizeof text, "iter %6lld/%lld  loss_d %9.4f  loss_g %9.4f  W %8.4f",
                           static_cast<long long>(v.iteration), static_cast<long long>(iters), v.loss_d, v.loss_g,
                           v.wasserstein_estimate);
  if (v.has_penalty) used += std::snprintf(text + used, sizeof text - used, "  penalty %7.4f", v.penalty);
  const double eta = rate > 0 ? static_cast<double>(iters - v.iteration) / rate : 0;
  std::snprintf(text + used, sizeof text - used, "  %6.1f it/s  ETA %s", rate, format_duration(eta).c_str());
  return text;
}

std::string short_status(const IterationValues& v) {
  char text[128];
  std::snprintf(text, sizeof text, "loss_d %.4g  loss_g %.4g  W %.4g", v.loss_d, v.loss_g, v.wasserstein_estimate);
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

// One training run of rank 0, in the order it happens: start or resume, then each iteration's
// logging and evaluation, pictures, checkpoint and stop, then the summary.
class Run {
 public:
  // `networks` and `parts.data` (when given) are the program's own (RunParts).
  Run(const TrainConfig& config, const std::string& run_dir, std::ostream& console, ProcessGroup* group,
      NetworkPair networks, const RunParts& parts = {})
      : config_(config),
        run_dir_(run_dir),
        group_(group),
        setup_(set_up_process(config, group ? group->rank() : 0)),
        bar_(console, !config.quiet && &console == &std::cout && stdout_is_terminal()),
        log_(run_dir, console, config.quiet),
        cache_dir_(data_cache_dir(config, run_dir)),
        // An image dataset is loaded once, for the batches and for the real features of --features.
        images_(is_toy_dataset(config.dataset) || parts.data
                    ? std::nullopt
                    : std::optional<ImageDataset>(load_configured_images(config, log_fn(), cache_dir_))),
        data_(parts.data ? parts.data
              : images_  ? make_image_batch_source(*images_, config.seed)
                         : make_batch_source(config, log_fn(), cache_dir_)),
        trainer_(config, std::move(networks), data_, setup_.device),
        protocol_(trainer_, group, read_schedule(config, trainer_.nonfinite_watch().reads_are_free())),
        evaluator_(config, cache_dir_, log_fn(), setup_.device, images_ ? &images_->images : nullptr, parts.data),
        pictures_(config, run_dir, *data_),
        tensorboard_(config, run_dir, [this](const std::string& text) { log_.important(text); }),
        on_log_(parts.on_log) {
    log_.set_progress_bar(&bar_);
  }

  void start_or_resume(const std::string& resume_from) {
    if (!resume_from.empty()) {
      last_checkpoint_ = resume_from;
      time_before_ = trainer_.restore(resume_from);
      // Records logged after the checkpoint belong to iterations that will be trained again.
      truncate_metrics(run_dir_, trainer_.iteration());
      log_.important("resumed " + run_dir_ + " at iteration " + std::to_string(trainer_.iteration()) + " from " +
                     resume_from);
    } else {
      log_.important("run directory: " + run_dir_);
    }
    if (group_) join_group(trainer_, *group_);
    announce();
    metrics_.emplace(run_dir_);  // after the truncation, which replaces the file
    tensorboard_.start(trainer_.iteration());
    tensorboard_.pictures(pictures_.write_real(*data_), trainer_.iteration());
    if (config_.share_cores && !group_ && setup_.threads > 1)
      thread_share_.emplace(setup_.threads, std::chrono::seconds(1));
    start_ = Clock::now();
    first_iteration_ = trainer_.iteration();
    summary_.run_dir = run_dir_;
  }

  // What is trained, where and how, as the first lines of the console and log.txt.
  void announce() {
    const int64_t cores = std::max<int64_t>(1, std::thread::hardware_concurrency());
    if (setup_.threads > cores)
      log_.important("warning: " + std::to_string(setup_.threads) + " threads on " + std::to_string(cores) +
                     " cores: more threads than cores only slow LibTorch down");
    // The clip constraint with --clip none clips nothing: say so rather than "constraint clip".
    const bool clip_off = config_.constraint == Constraint::clip.name && !config_.clip;
    log_.important("training " + config_.loss + " (constraint " +
                   (clip_off ? "none: --clip none" : config_.constraint) + ") on " + config_.dataset + " for " +
                   std::to_string(config_.iters) + " generator iterations (batch " +
                   std::to_string(config_.batch_size) +
                   (group_ ? " on each of " + std::to_string(group_->world_size()) + " ranks" : std::string()) +
                   ", n_critic " + std::to_string(config_.n_critic) + ", seed " + std::to_string(config_.seed) +
                   ") on " + setup_.device.str() + " with " + std::to_string(setup_.threads) + " threads");
  }

  // Trains to the end or to a stop; true when it was stopped.
  bool train() {
    while (trainer_.iteration() < config_.iters) {
      share_cores();
      const IterationProtocol::Outcome outcome = iteration();
      const bool stopping = outcome.stop;
      const int64_t it = outcome.stats.iteration;
      const bool last = it == config_.iters;
      bar_.update(it, config_.iters, rate(it), status_);
      if (last) break;  // the final checkpoint comes before the last pictures (finish)
      draw(it, false);
      if (stopping || (config_.checkpoint_every > 0 && it % config_.checkpoint_every == 0)) {
        save(checkpoint_path(run_dir_, it));
        prune_checkpoints(run_dir_, config_.keep_checkpoints);
      }
      if (stopping) return stop(it);
    }
    return false;
  }

  RunSummary finish() {
    summary_.seconds = time_before_ + session_s();
    save(final_checkpoint_path(run_dir_));
    draw(trainer_.iteration(), true);
    const double session = session_s();
    char done[160];
    std::snprintf(done, sizeof done, "done: %lld iterations in %.1f s (%.1f it/s)",
                  static_cast<long long>(trainer_.iteration()), summary_.seconds,
                  (trainer_.iteration() - first_iteration_) / std::max(session, 1e-9));
    log_.important(done);
    if (group_) {
      char share[160];
      std::snprintf(share, sizeof share, "rank 0 spent %.1f s of %.1f s (%.0f %%) in all-reduce (%lld ranks)",
                    group_->collective_seconds(), session, 100 * group_->collective_seconds() / std::max(session, 1e-9),
                    static_cast<long long>(group_->world_size()));
      log_.important(share);
    }
    char estimate[96];
    std::snprintf(estimate, sizeof estimate, "final Wasserstein estimate %.4f", summary_.last.wasserstein_estimate);
    log_.important(estimate);
    if (!summary_.final_metrics.empty()) log_.important(describe_metrics(summary_.final_metrics));
    log_.important("model: " + final_checkpoint_path(run_dir_));
    return summary_;
  }

  RunSummary stopped_summary() const { return summary_; }

 private:
  LoadLog log_fn() {
    return [this](const std::string& text) { log_.line(text); };
  }
  // A run `wgan train --resume` cannot continue: its data or networks are a program's.
  bool custom_parts() const { return is_custom_dataset(config_.dataset) || config_.arch == kCustomArch; }
  NetworkImpl& sampling_generator() { return trainer_.sampling_generator(config_.generator); }
  double session_s() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  double rate(int64_t it) const { return (it - first_iteration_) / std::max(session_s(), 1e-9); }

  // Fewer threads while other processes are busy, all of them again when they are done
  // (--share-cores; core/free_cores.h). Data-parallel ranks keep the cores the launcher gave them.
  void share_cores() {
    if (!thread_share_) return;
    const std::optional<int64_t> threads = thread_share_->poll();
    if (!threads) return;
    torch::set_num_threads(static_cast<int>(*threads));
    char line[160];
    std::snprintf(line, sizeof line, "threads: %lld (other processes busy on %.1f cores; --no-share-cores keeps %lld)",
                  static_cast<long long>(*threads), thread_share_->others_busy(),
                  static_cast<long long>(setup_.threads));
    bar_.enabled() ? log_.file_only(line) : log_.line(line);
  }

  // One iteration as every rank makes it (iteration_protocol.h), recorded here; the errors it
  // can end in said with the last checkpoint to go back to.
  IterationProtocol::Outcome iteration() {
    try {
      return protocol_.iteration(stop_.requested(), [this](const IterationStats& stats) { return record(stats); });
    } catch (const DivergenceError& e) {
      throw diverged(e);
    } catch (const RunError& e) {
      if (!group_) throw;
      throw RunError(std::string(e.what()) + "; last checkpoint: " + kept_checkpoint());  // a lost rank
    }
  }
  std::string kept_checkpoint() const { return last_checkpoint_.empty() ? std::string("none yet") : last_checkpoint_; }
  RunError diverged(const DivergenceError& e) const {
    return RunError(std::string(e.what()) + "; stopped (--on-nan stop); last good checkpoint: " + kept_checkpoint());
  }
  void check_divergence() const {
    try {
      trainer_.check_divergence();
    } catch (const DivergenceError& e) {
      throw diverged(e);
    }
  }

  // metrics.jsonl, the evaluation and the console line, when any of them is due. False when
  // the program's callback (RunParts::on_log) asks to stop. The protocol has read the divergence
  // flag at this iteration already.
  bool record(const IterationStats& stats) {
    const int64_t it = stats.iteration;
    const bool last = it == config_.iters;
    const bool log_now = it % config_.log_every == 0 || last;
    const bool print_now = it % config_.print_every == 0 || last;
    const bool eval_now = last || (config_.eval_every > 0 && it % config_.eval_every == 0);
    if (!log_now && !print_now && !eval_now) return true;
    // Reading the values back is the only host synchronisation of the loop.
    const IterationValues values = to_values(stats);
    status_ = short_status(values);
    summary_.last = values;
    nlohmann::json record = metrics_record(values, time_before_ + session_s(), trainer_.counters().skipped_steps);
    if (eval_now) record.update(evaluate(it, last));
    try {
      metrics_->append(record);
    } catch (const RunError& e) {  // a full or failing disk: what was trained since is not kept
      throw RunError(std::string(e.what()) + "; stopped at iteration " + std::to_string(it) +
                     "; last checkpoint: " + kept_checkpoint());
    }
    tensorboard_.record(record);
    // On a terminal the bar shows progress; the periodic lines go to log.txt (and to the
    // console when it is not a terminal).
    if (print_now) {
      const std::string line = progress_line(values, config_.iters, rate(it));
      bar_.enabled() && !last ? log_.file_only(line) : log_.line(line);
    }
    if (!on_log_ || on_log_(record)) return true;
    stop_reason_ = "by the program's callback";
    return false;
  }

  // The metrics of the sampling generator (--generator), and with "both" the raw one's as raw_<key>.
  nlohmann::json evaluate(int64_t it, bool last) {
    const double eval_start = session_s();
    nlohmann::json evaluation = evaluator_.evaluate(sampling_generator(), config_.eval_samples, it);
    if (config_.generator == GeneratorChoice::kBoth) {
      const nlohmann::json raw = evaluator_.evaluate(trainer_.generator(), config_.eval_samples, it);
      for (const auto& [key, value] : raw.items()) evaluation[std::string(metric::kRawPrefix) + key] = value;
    }
    evaluation.update(pictures_.critic_range(trainer_.critic(), setup_.device));
    if (last) summary_.final_metrics = evaluation;
    if (!evaluation.empty() && !last) log_.line("eval   " + describe_metrics(evaluation));
    if (!evaluation.empty()) evaluation[metric::kEvalTime] = session_s() - eval_start;  // bench/ sums it
    return evaluation;
  }

  // The pictures, the report and TensorBoard's histograms, when due. They are never the reason
  // a run or its model is lost: a failure to write them (a full disk) is a warning.
  void draw(int64_t it, bool last) {
    tensorboard_.histograms(trainer_.networks(), it, last);
    if (!pictures_.due(it, last)) return;  // an iteration the protocol read the flag at
    try {
      tensorboard_.pictures(pictures_.write(sampling_generator(), trainer_.critic(), it, last, setup_.device), it);
    } catch (const std::exception& e) {
      const std::string what = e.what();
      log_.important("warning: the pictures of iteration " + std::to_string(it) + " were not written (" +
                     what.substr(0, what.find('\n')) + ")" + (last ? "; the model is saved" : "; training goes on"));
    }
  }

  void save(const std::string& path) {
    check_divergence();  // a checkpoint is a good one
    save_checkpoint(path, trainer_.checkpoint_state(time_before_ + session_s()));
    last_checkpoint_ = path;
  }

  bool stop(int64_t it) {
    summary_.stopped = true;
    summary_.seconds = time_before_ + session_s();
    const std::string reason = stop_reason_.empty() ? "by signal " + std::to_string(stop_.signal()) : stop_reason_;
    log_.important("stopped " + reason + " at iteration " + std::to_string(it) + "; checkpoint " + last_checkpoint_);
    if (!custom_parts()) log_.important("resume with: wgan train --resume " + run_dir_);
    return true;
  }

  const TrainConfig& config_;
  std::string run_dir_;
  ProcessGroup* group_;
  ProcessSetup setup_;
  ProgressBar bar_;
  RunLog log_;
  std::string cache_dir_;
  std::optional<ImageDataset> images_;
  std::shared_ptr<BatchSource> data_;
  Trainer trainer_;
  IterationProtocol protocol_;
  Evaluator evaluator_;
  RunPictures pictures_;
  RunTensorBoard tensorboard_;
  std::function<bool(const nlohmann::json&)> on_log_;
  std::string stop_reason_;  // empty: a signal
  std::optional<MetricsLog> metrics_;
  StopSignals stop_;
  RunSummary summary_;
  Clock::time_point start_;
  int64_t first_iteration_ = 0;
  double time_before_ = 0;  // training time of earlier sessions of this run
  std::string last_checkpoint_;
  std::string status_;  // the latest values read back, for the progress bar
  std::optional<ThreadShare> thread_share_;
};

}  // namespace

namespace {

RunSummary train_to_end(Run& run, const std::string& resume_from) {
  run.start_or_resume(resume_from);
  if (run.train()) return run.stopped_summary();
  return run.finish();
}

}  // namespace

RunSummary run_training(const TrainConfig& config, const std::string& run_dir, std::ostream& console,
                        const std::string& resume_from, ProcessGroup* group) {
  // Built once: the memory estimate runs them in evaluation mode, which changes no state.
  NetworkPair networks = make_networks(config);
  check_training_memory(config, networks, sample_shape(config));
  Run run(config, run_dir, console, group, std::move(networks));
  return train_to_end(run, resume_from);
}

RunSummary run_training(const TrainConfig& config, const std::string& run_dir, std::ostream& console,
                        const RunParts& parts, const std::string& resume_from) {
  check_parts(config, parts);
  NetworkPair networks = program_networks(config, parts);
  check_training_memory(config, networks, run_sample_shape(config, parts, *networks.generator));
  Run run(config, run_dir, console, nullptr, std::move(networks), parts);
  return train_to_end(run, resume_from);
}

void run_worker(const TrainConfig& config, const std::string& run_dir, const std::string& resume_from,
                ProcessGroup& group) {
  NetworkPair networks = make_networks(config);
  check_training_memory(config, networks, sample_shape(config));
  const c10::Device device = set_up_process(config, group.rank()).device;
  auto data = make_batch_source(
      config, [](const std::string&) {}, data_cache_dir(config, run_dir));
  Trainer trainer(config, std::move(networks), data, device);
  if (!resume_from.empty()) trainer.restore(resume_from);
  join_group(trainer, group);
  IterationProtocol protocol(trainer, &group, read_schedule(config, trainer.nonfinite_watch().reads_are_free()));
  StopSignals stop;
  while (trainer.iteration() < config.iters)
    if (protocol.iteration(stop.requested()).stop) return;
}

}  // namespace wgan

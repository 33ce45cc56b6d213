// wgan train: options -> resolved TrainConfig -> run directory -> run_training.
//
// Every option of the run comes from the option table (config/option_table.h): its flag, help,
// parsing, check and resume rule. Resolution order: the demo preset when neither --preset nor
// --loss is given (so a bare `wgan train` runs the demo), otherwise the preset or the defaults
// of --loss; then the flags that set both networks (--lr), then every other flag given.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <iostream>
#include <thread>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/cli/launcher.h"
#include "wgan/config/config.h"
#include "wgan/config/option_table.h"
#include "wgan/config/presets.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/run_layout.h"
#include "wgan/distributed/process_group.h"
#include "wgan/run/run.h"
#include "wgan/run/run_directory.h"
#include "wgan/train/checkpoint.h"

namespace wgan::cli {
namespace {

// Dataset and arch "custom" are a program's own data and networks (RunParts, docs/library.md):
// the command line has neither, nor can it resume a run that used them.
void refuse_program_parts(const TrainConfig& c) {
  if (is_custom_dataset(c.dataset))
    throw OptionError("dataset", "custom is a program's own data (docs/library.md); expected a dataset wgan loads",
                      c.dataset);
  if (c.arch == kCustomArch)
    throw OptionError("arch", "custom is a program's own networks (docs/library.md); expected a family wgan builds",
                      c.arch);
}

// What a run that failed before its first checkpoint wrote, removed; the directory too unless
// it was there before.
void remove_run(const std::string& dir, bool keep_directory) {
  std::error_code ignored;
  if (!keep_directory) {
    std::filesystem::remove_all(dir, ignored);
    return;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
    std::filesystem::remove_all(entry.path(), ignored);
}

// One flag of the table bound to the command line: the text typed, read when it was given.
struct BoundFlag {
  CLI::Option* option = nullptr;
  std::vector<std::string> keys;  // the options it sets
  std::string text;
  bool switched = false;  // for switches
  std::string flag() const { return option->get_name(); }
};

class TrainOptions {
 public:
  explicit TrainOptions(CLI::App* app) : app_(app) {}

  // Binds the shared flags and every row of the table that has a flag.
  void bind_table() {
    for (const SharedFlag& shared : shared_flags()) {
      const OptionSpec& spec = option_spec(shared.keys.front());
      bind(shared.flag, shared.keys, shared.help + choice_help(spec), spec);
    }
    for (const OptionSpec& spec : option_table())
      if (!spec.flag.empty()) bind(spec.flag, {spec.key}, spec.help + choice_help(spec), spec);
  }

  TrainConfig resolve() const {
    TrainConfig config;
    apply_loss_defaults(config);
    const BoundFlag* loss = given("--loss");
    const BoundFlag* dataset = given("--dataset");
    const bool image_data = dataset && !is_toy_dataset(dataset->text);
    if (!preset_.empty())
      apply_preset(preset_, config);
    else if (!loss && !image_data)
      apply_preset("demo", config);
    if (loss) {
      set(config, *loss);
      apply_loss_defaults(config);
    }
    for (const BoundFlag& f : flags_)
      if (f.option->count() > 0) set(config, f);
    resolve_automatic_choices(config);
    config.world_size = world_size();
    with_typed_flags([&] {
      validate(config);
      refuse_program_parts(config);
    });
    return config;
  }

  // --resume: the checkpoint's configuration, with the options given again applied as their
  // rules say (option_table.h): changed where the result does not depend on them, refused
  // where it does and the value differs.
  TrainConfig resume_config(const CheckpointHeader& header) const {
    for (const char* command_level : {"--preset", "--out"})
      if (app_->get_option(command_level)->count() > 0)
        throw UsageError(std::string(command_level) +
                         " cannot be given with --resume (the run keeps its "
                         "configuration and directory)");
    TrainConfig config = header.config;
    with_typed_flags([&] {
      for (const BoundFlag& f : flags_)
        if (f.option->count() > 0)
          for (const std::string& key : f.keys) change_on_resume(config, key, option_spec(key).read(f.text));
    });
    if (world_size() != config.world_size)
      throw UsageError("--resume " + resume_ + ": the run was trained with world_size = " +
                       std::to_string(config.world_size) + " ranks, this command starts " +
                       std::to_string(world_size()) + "; expected --nproc " + std::to_string(config.world_size) +
                       " (or --world-size " + std::to_string(config.world_size) + " on each machine)");
    if (config.iters <= header.counters.iteration)
      throw UsageError("--resume " + resume_ + ": the run has done " + std::to_string(header.counters.iteration) +
                       " of " + std::to_string(config.iters) + " iterations; raise --iters to continue it");
    with_typed_flags([&] {
      validate(config);
      refuse_program_parts(config);
    });
    return config;
  }

  bool sub_given(const std::string& name) const { return app_->get_option(name)->count() > 0; }
  int64_t world_size() const { return nproc_ > 1 ? nproc_ : dist_.world_size; }

  // Throws UsageError for an impossible combination of the data-parallel flags.
  void validate_distributed() const {
    if (nproc_ < 1) throw UsageError("--nproc: expected a positive integer, got " + std::to_string(nproc_));
    if (dist_.world_size < 1)
      throw UsageError("--world-size: expected a positive integer, got " + std::to_string(dist_.world_size));
    if (dist_.rank < 0 || dist_.rank >= dist_.world_size)
      throw UsageError("--rank " + std::to_string(dist_.rank) + ": expected 0 to " +
                       std::to_string(dist_.world_size - 1) + " (--world-size " + std::to_string(dist_.world_size) +
                       ")");
    if (nproc_ > 1 && dist_.world_size > 1)
      throw UsageError("--nproc " + std::to_string(nproc_) + " with --world-size " + std::to_string(dist_.world_size) +
                       ": --nproc starts the ranks of one machine itself; expected one of the two");
    if (dist_.master_port < 0 || dist_.master_port > 65535)
      throw UsageError("--master-port: expected 1 to 65535, got " + std::to_string(dist_.master_port));
    if (!(dist_.timeout_s > 0))
      throw UsageError("--dist-timeout: expected a positive number of seconds, got " + std::to_string(dist_.timeout_s));
    if ((nproc_ > 1 || dist_.world_size > 1) && !ProcessGroup::available())
      throw UsageError(
          "--nproc/--world-size: this wgan was built without c10d/Gloo (install libgloo-dev "
          "and rebuild); expected a single process");
  }

  std::string preset_, out_, resume_;
  int64_t nproc_ = 1;
  DistOptions dist_;

 private:
  static std::string choice_help(const OptionSpec& spec) { return spec.choices.empty() ? "" : choices(spec.choices); }

  void bind(const std::string& flag, std::vector<std::string> keys, const std::string& help, const OptionSpec& spec) {
    flags_.emplace_back();
    BoundFlag& f = flags_.back();
    f.keys = std::move(keys);
    if (spec.is_switch()) {
      f.option = app_->add_flag(flag, f.switched, help);
      return;
    }
    f.option = app_->add_option(flag, f.text, help)->type_name(type_name(spec.kind));
  }

  // What --help shows for the value (the text is parsed by the table, not by CLI11).
  static const char* type_name(OptionKind kind) {
    switch (kind) {
      case OptionKind::kInteger: return "INT";
      case OptionKind::kCount: return "INT>=0";
      case OptionKind::kNumber: return "NUMBER";
      case OptionKind::kNumberOrNone: return "NUMBER|none";
      default: return "TEXT";
    }
  }

  const BoundFlag* given(const std::string& flag) const {
    for (const BoundFlag& f : flags_)
      if (f.flag() == flag && f.option->count() > 0) return &f;
    return nullptr;
  }

  void set(TrainConfig& config, const BoundFlag& f) const {
    with_typed_flags([&] {
      for (const std::string& key : f.keys) option_spec(key).set(config, option_spec(key).read(f.text));
    });
  }

  // Runs `f`; an OptionError it throws is said with the flag the user typed for that option
  // (--beta1 or --beta1-d), or the option's own flag when none was typed.
  template <typename F>
  void with_typed_flags(F&& f) const {
    try {
      f();
    } catch (const OptionError& e) {
      const BoundFlag* typed = nullptr;
      for (const BoundFlag& b : flags_)
        if (b.option->count() > 0 && std::count(b.keys.begin(), b.keys.end(), e.key)) typed = &b;
      if (typed) throw UsageError(e.said_as(typed->flag()));
      throw;
    }
  }

  CLI::App* app_;
  std::deque<BoundFlag> flags_;  // stable addresses: CLI11 writes into them
};

}  // namespace

Action add_train_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("train", "train a GAN (bare: the demo preset, WGAN-GP on 25 Gaussians)");
  auto options = std::make_shared<TrainOptions>(sub);
  auto& o = *options;
  sub->add_option("--preset", o.preset_, "named configuration; see 'wgan presets'");
  sub->add_option("--out", o.out_, "run directory to create (default: runs/NNNNN-<dataset>-<loss>)");
  o.bind_table();
  sub->add_option("--resume", o.resume_, "continue the run in this directory from its newest checkpoint");
  // Data-parallel training (docs/distributed.md). --batch-size is per rank.
  sub->add_option("--nproc", o.nproc_, "data-parallel ranks to start on this machine (--batch-size is per rank)");
  sub->add_option("--world-size", o.dist_.world_size, "ranks of a multi-machine job (with --rank, --master-addr)");
  sub->add_option("--rank", o.dist_.rank, "this process's rank, 0 to world size - 1 (rank 0 writes the run)");
  sub->add_option("--master-addr", o.dist_.master_addr, "address of rank 0 (rendezvous through its TCPStore)");
  sub->add_option("--master-port", o.dist_.master_port, "port of rank 0's TCPStore");
  sub->add_option("--dist-timeout", o.dist_.timeout_s, "seconds a rank waits for the others before failing");

  return [options] {
    options->validate_distributed();
    const bool resuming = !options->resume_.empty();
    std::string checkpoint;
    TrainConfig config;
    RunLock resumed_lock;  // the resumed run's owner: this process (rank 0 of a group)
    if (resuming) {
      if (options->dist_.rank == 0 && options->nproc_ == 1) resumed_lock = RunLock(options->resume_);
      checkpoint = latest_checkpoint(options->resume_);
      if (checkpoint.empty())
        throw UsageError("--resume " + options->resume_ + ": no checkpoint in " + options->resume_ +
                         "/checkpoints; expected a run directory");
      config = options->resume_config(read_checkpoint_header(checkpoint));
    } else {
      config = options->resolve();
    }
    if (options->nproc_ > 1) {
      LaunchOptions launch;
      launch.nproc = options->nproc_;
      launch.master_addr = options->dist_.master_addr;
      launch.master_port = options->sub_given("--master-port") ? options->dist_.master_port : 0;
      // The cores shared out among the ranks, unless --threads says otherwise.
      if (!options->sub_given("--threads"))
        launch.threads_per_rank =
            std::max<int64_t>(1, static_cast<int64_t>(std::thread::hardware_concurrency()) / launch.nproc);
      return launch_local_ranks(launch);
    }
    std::unique_ptr<ProcessGroup> group;
    if (options->dist_.world_size > 1) group = std::make_unique<ProcessGroup>(options->dist_);
    if (group && group->rank() != 0) {
      // Nothing is written by this rank; the run directory names the checkpoint to resume
      // from, or where rank 0 keeps the data cache.
      const std::string run_dir = resuming ? options->resume_ : options->out_.empty() ? "runs/rank" : options->out_;
      run_worker(config, run_dir, checkpoint, *group);
      return 0;
    }
    if (resuming) {
      write_text_atomically(RunLayout(options->resume_) / RunLayout::kConfig, to_json(config).dump(2) + "\n");
      return run_training(config, options->resume_, std::cout, checkpoint, group.get()), 0;
    }
    const bool existed = !options->out_.empty() && std::filesystem::exists(options->out_);
    const OwnedRunDirectory run = create_run_directory(config, options->out_);
    try {
      run_training(config, run.path, std::cout, "", group.get());
    } catch (const UsageError&) {
      // Bad input found once the run started (a corrupt data file): a run that never wrote a
      // checkpoint holds nothing worth keeping, so leave no half-made directory behind (an
      // --out that existed is left empty again, as it was).
      if (latest_checkpoint(run.path).empty()) remove_run(run.path, existed);
      throw;
    }
    return 0;
  };
}

}  // namespace wgan::cli

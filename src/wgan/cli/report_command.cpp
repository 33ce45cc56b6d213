// wgan report: redraws a run's curves, animation and report.html from its files (also for a
// run copied from another machine); several runs with --out: one comparison page.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/core/error.h"
#include "wgan/core/run_lock.h"
#include "wgan/viz/report.h"

namespace wgan::cli {
namespace {

struct ReportCommandOptions {
  std::vector<std::string> runs;
  std::string out;
  ReportOptions report;
};

int run_report(const ReportCommandOptions& o) {
  if (o.runs.size() == 1 && o.out.empty()) {
    const RunLock lock(o.runs[0]);  // not while a training process writes the same page
    write_run_report(o.runs[0], o.report);
    std::cout << describe_tracking(critic_tracking(read_metrics(o.runs[0])));
    std::cout << "wrote " << o.runs[0] << "/report.html\n";
    return 0;
  }
  if (o.out.empty())
    throw UsageError("--out: comparing " + std::to_string(o.runs.size()) +
                     " runs needs --out DIR for the comparison page");
  std::error_code ec;
  for (const auto& run : o.runs)
    if (std::filesystem::exists(o.out) && std::filesystem::equivalent(run, o.out, ec))
      throw UsageError("--out " + o.out + ": that is the run " + run +
                       " itself, whose own report.html this page would replace; expected another directory");
  write_comparison_report(o.runs, o.out, o.report);
  std::cout << "wrote " << o.out << "/report.html\n";
  return 0;
}

}  // namespace

Action add_report_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("report", "redraw the pictures and report.html of runs");
  auto o = std::make_shared<ReportCommandOptions>();
  sub->add_option("runs", o->runs, "run directories (several: a comparison page, with --out)")
      ->required()
      ->check(CLI::ExistingDirectory);
  sub->add_option("--out", o->out, "directory of the comparison page");
  add_choice_option(sub, "--smoothing", o->report.smoothing.kind, "bold curve: ema, median or none");
  sub->add_option("--ema-beta", o->report.smoothing.ema_beta, "EMA smoothing factor in [0, 1)")
      ->check(CLI::Range(0.0, 0.9999));
  sub->add_option("--median-window", o->report.smoothing.median_window,
                  "running-median window (the WGAN authors use 101)")
      ->check(CLI::PositiveNumber);
  return [o] { return run_report(*o); };
}

}  // namespace wgan::cli

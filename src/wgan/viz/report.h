// A run's pictures and its report page, rebuilt from what the run directory holds
// (config.json, metrics.jsonl, samples/, maps/), so that `wgan report` can redraw a run copied
// from another machine and training can refresh the page as it goes.
//
//   plots/*.png, plots/*.svg   curves: losses, critic outputs, Wasserstein estimate, penalty,
//                              and one panel per evaluation metric
//   animation.gif              the sample grids (images) or critic maps (2-D data), in order
//   report.html                configuration, final and best metrics, curves, latest grid or
//                              map, real next to generated, the animation; relative links only
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "wgan/eval/critic_tracking.h"
#include "wgan/viz/chart.h"

namespace wgan {

struct ReportOptions {
  bool in_progress = false;  // the page reloads itself every 30 s while training runs
  Smoothing smoothing;
};

// The records of RUN/metrics.jsonl (none when it is missing; a line cut short is skipped).
std::vector<nlohmann::json> read_metrics(const std::string& run_dir);

void write_run_report(const std::string& run_dir, const ReportOptions& options = {});

// One page comparing runs: their curves overlaid, their latest grids or maps side by side.
void write_comparison_report(const std::vector<std::string>& run_dirs, const std::string& out_dir,
                             const ReportOptions& options = {});

}  // namespace wgan

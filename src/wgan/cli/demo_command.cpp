// wgan demo parallel-lines: the WGAN paper's examples of JS, KL and W1, computed and tabulated,
// with CSV files and plots.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "wgan/cli/commands.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/eval/paper_examples.h"
#include "wgan/viz/chart.h"

namespace wgan::cli {
namespace {

struct DemoOptions {
  std::string out = "parallel-lines";
  int64_t points = 200;
};

std::vector<double> steps(double from, double to, double step) {
  std::vector<double> values;
  const auto n = static_cast<int64_t>(std::llround((to - from) / step));
  for (int64_t k = 0; k <= n; ++k) values.push_back(from + static_cast<double>(k) * step);
  return values;
}

std::string number(double x) {
  if (std::isnan(x)) return "-";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", x);
  return text;
}

// Prints the table and writes NAME.csv and NAME.png (W1, JS, KL and TV against the parameter;
// infinite values are left out of the plot).
void report(const std::string& title, const std::string& plot_title, const std::string& parameter,
            const std::vector<DivergenceRow>& rows, const std::string& dir, const std::string& name) {
  std::printf("%s\n%8s %9s %9s %9s %9s %9s %9s %9s\n", title.c_str(), parameter.c_str(), "W1", "JS", "KL", "TV",
              "W1 exact", "KL exact", "TV exact");
  std::ostringstream csv;
  csv << parameter << ",w1,js,kl,tv,w1_closed,js_closed,kl_closed,tv_closed\n";
  Chart chart;
  chart.title = plot_title;
  chart.x_label = parameter;
  chart.y_label = "distance / divergence (nats)";
  chart.smoothing.kind = SmoothingKind::kNone;
  chart.series = {{"W1", {}, {}}, {"JS", {}, {}}, {"KL", {}, {}}, {"TV", {}, {}}};
  for (const auto& r : rows) {
    std::printf("%8.3f %9s %9s %9s %9s %9s %9s %9s\n", r.parameter, number(r.w1).c_str(), number(r.js).c_str(),
                number(r.kl).c_str(), number(r.tv).c_str(), number(r.w1_closed).c_str(), number(r.kl_closed).c_str(),
                number(r.tv_closed).c_str());
    csv << r.parameter << ',' << r.w1 << ',' << r.js << ',' << r.kl << ',' << r.tv << ',' << r.w1_closed << ','
        << r.js_closed << ',' << r.kl_closed << ',' << r.tv_closed << '\n';
    const double values[] = {r.w1, r.js, r.kl, r.tv};
    for (size_t k = 0; k < 4; ++k) {
      chart.series[k].x.push_back(r.parameter);
      chart.series[k].y.push_back(values[k]);
    }
  }
  write_text_atomically(dir + "/" + name + ".csv", csv.str());
  write_chart(chart, dir + "/" + name + ".png");
  std::printf("\n");
}

int run_parallel_lines(const DemoOptions& o) {
  std::error_code error;
  std::filesystem::create_directories(o.out, error);
  if (error || !std::filesystem::is_directory(o.out))
    throw UsageError("--out " + o.out + ": cannot create the directory (" + error.message() +
                     "); expected a writable place");
  report("Parallel lines (WGAN paper, Example 1): P0 = (0, Z), P_theta = (theta, Z), Z ~ U[0, 1], " +
             std::to_string(o.points) + " points per line; KL = KL(P0 || P_theta)",
         "Parallel lines: P0 = (0, Z) against Pθ = (θ, Z); KL = ∞ for θ ≠ 0", "theta",
         parallel_lines(steps(-1, 1, 0.1), o.points), o.out, "parallel-lines");
  report(
      "Two Gaussians moving apart: N(0, 1) and N(mu, 1); KL = KL(N(0, 1) || N(mu, 1)); "
      "JS has no closed form",
      "N(0, 1) against N(μ, 1)", "mu", gaussian_shift(steps(0, 6, 0.25)), o.out, "gaussians");
  std::printf(
      "JS stays at log 2 = %.4f once the supports are apart (and tends to it for the Gaussians):\n"
      "no gradient. W1 grows with the distance: a critic that estimates it points the way.\n"
      "wrote %s/{parallel-lines,gaussians}.{csv,png}\n",
      std::log(2.0), o.out.c_str());
  return 0;
}

}  // namespace

Action add_demo_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("demo", "the WGAN paper's examples, computed");
  sub->require_subcommand(1);
  CLI::App* lines = sub->add_subcommand("parallel-lines", "JS, KL and W1 for parallel lines and for two Gaussians");
  auto o = std::make_shared<DemoOptions>();
  lines->add_option("--out", o->out, "directory for the CSV files and plots");
  lines->add_option("--points", o->points, "points per line")->check(CLI::Range(int64_t{2}, int64_t{5000}));
  return [o] { return run_parallel_lines(*o); };
}

}  // namespace wgan::cli

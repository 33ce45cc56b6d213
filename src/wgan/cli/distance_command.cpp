// wgan distance A B: Wasserstein distances between two files of points (CSV or .pt).
#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/cli/validators.h"
#include "wgan/core/error.h"
#include "wgan/eval/assignment.h"
#include "wgan/eval/point_file.h"
#include "wgan/eval/sinkhorn.h"
#include "wgan/eval/wasserstein.h"
#include "wgan/run/runtime.h"

namespace wgan::cli {
namespace {

struct DistanceOptions {
  std::string a, b;
  double p = 1;
  int64_t projections = 500;
  uint64_t seed = 0;
  int64_t exact_limit = 5000;
  double epsilon = 0.01;
  int64_t sinkhorn_limit = 2000;
  int64_t threads = 0;
};

// p as printf's %g writes it: 1, 2, 1.5.
std::string number_text(double p) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", p);
  return text;
}

int run_distance(const DistanceOptions& o) {
  configure_threads(o.threads);
  const auto a = read_points(o.a), b = read_points(o.b);
  if (a.size(1) != b.size(1))
    throw UsageError(o.a + " holds " + std::to_string(a.size(1)) + "-D points, " + o.b + " " +
                     std::to_string(b.size(1)) + "-D; expected the same dimension");
  const int64_t d = a.size(1);
  std::printf("%lld and %lld points of dimension %lld\n", static_cast<long long>(a.size(0)),
              static_cast<long long>(b.size(0)), static_cast<long long>(d));
  // One aligned row per distance: label, value, an optional note.
  auto row = [](const std::string& label, double value, const std::string& note = "") {
    std::printf("%-37s%.6g%s\n", label.c_str(), value, note.c_str());
  };
  char label[96];
  const std::string wp = "W" + number_text(o.p);
  if (d == 1) {
    row(wp + " (exact, 1-D quantiles)", wasserstein_1d(a, b, o.p));
    row("W1 (exact, area between the CDFs)", wasserstein1_cdf(a, b));
  }
  if (a.size(0) == b.size(0) && a.size(0) <= o.exact_limit)
    row(wp + " (exact, optimal assignment)", exact_wasserstein(a, b, o.p));
  else
    std::printf("%s exact: skipped (needs equal sizes of at most %lld points; see --exact-limit)\n", wp.c_str(),
                static_cast<long long>(o.exact_limit));
  if (a.size(0) <= o.sinkhorn_limit && b.size(0) <= o.sinkhorn_limit) {
    SinkhornOptions options;
    options.p = o.p;
    options.epsilon = o.epsilon;
    const SinkhornResult r = sinkhorn_wasserstein(a, b, options);
    std::snprintf(label, sizeof label, "%s entropic (Sinkhorn, eps %g)", wp.c_str(), o.epsilon);
    row(label, r.distance,
        "  (" + std::to_string(r.iterations) + " iterations" +
            (r.converged ? ")" : "; not converged: marginals off by " + std::to_string(r.marginal_error) + ")"));
  } else {
    std::printf("%s entropic: skipped (more than %lld points; see --sinkhorn-limit)\n", wp.c_str(),
                static_cast<long long>(o.sinkhorn_limit));
  }
  auto covariance = [](const torch::Tensor& x) {
    auto centred = x - x.mean(0);
    return centred.t().matmul(centred) / std::max<int64_t>(x.size(0) - 1, 1);
  };
  row("W2 between fitted Gaussians", gaussian_w2(a.mean(0), covariance(a), b.mean(0), covariance(b)));
  std::snprintf(label, sizeof label, "sliced %s (%lld projections, seed %llu)", wp.c_str(),
                static_cast<long long>(o.projections), static_cast<unsigned long long>(o.seed));
  row(label, sliced_wasserstein(a, b, o.p, o.projections, o.seed));
  return 0;
}

}  // namespace

Action add_distance_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("distance", "Wasserstein distances between two files of points");
  auto o = std::make_shared<DistanceOptions>();
  sub->add_option("a", o->a, "first points: .csv (rows of numbers, optional header) or .pt")->required();
  sub->add_option("b", o->b, "second points")->required();
  sub->add_option("--p", o->p, "order p >= 1 of W_p")->check(CLI::Range(1.0, 1e9));
  sub->add_option("--projections", o->projections, "random directions of the sliced distance")
      ->check(CLI::PositiveNumber);
  sub->add_option("--seed", o->seed, "seed of the random directions")->check(non_negative_integer());
  sub->add_option("--exact-limit", o->exact_limit,
                  "largest equal-size sets solved exactly by optimal assignment (O(n^3))");
  sub->add_option("--epsilon", o->epsilon,
                  "Sinkhorn regularisation, a fraction of the largest cost (smaller: closer, slower)")
      ->check(CLI::Range(1e-6, 1.0));
  sub->add_option("--sinkhorn-limit", o->sinkhorn_limit,
                  "largest sets given the entropic (Sinkhorn) estimate (n x m memory)");
  add_threads_option(sub, o->threads);
  return [o] { return run_distance(*o); };
}

}  // namespace wgan::cli

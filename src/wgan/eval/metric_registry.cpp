#include "wgan/eval/metric_registry.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace wgan {
namespace {

using json = nlohmann::json;

long long integer(const json& r, const char* key) { return static_cast<long long>(r[key].get<int64_t>()); }

std::string modes_summary(const json& r) {
  char text[160];
  std::snprintf(text, sizeof text, "modes %lld/%lld  high-quality %.1f%%  reverse KL %.4f nats",
                integer(r, metric::kModesCovered), integer(r, metric::kModesTotal),
                r[metric::kHighQuality].get<double>(), r[metric::kReverseKl].get<double>());
  return text;
}
std::string w1_summary(const json& r) {
  char text[64];
  std::snprintf(text, sizeof text, "W1 %.4f", r[metric::kW1].get<double>());
  return text;
}
std::string fid_summary(const json& r) {
  char text[96];
  std::snprintf(text, sizeof text, "FID %.3f  KID %.5f", r[metric::kFid].get<double>(), r[metric::kKid].get<double>());
  return text;
}
std::string classifier_summary(const json& r) {
  char text[128];
  std::snprintf(text, sizeof text, "classifier score %.3f  classes %lld/%lld",
                r[metric::kClassifierScore].get<double>(), integer(r, metric::kClassesCovered),
                integer(r, metric::kClassesTotal));
  return text;
}

std::string manifold_summary(const json& r) {
  char text[128];
  std::snprintf(text, sizeof text, "precision %.3f  recall %.3f  density %.3f  coverage %.3f",
                r[metric::kPrecision].get<double>(), r[metric::kRecall].get<double>(),
                r[metric::kDensity].get<double>(), r[metric::kCoverage].get<double>());
  return text;
}
std::string swd_summary(const json& r) {
  char text[64];
  std::snprintf(text, sizeof text, "SWD %.2f", r[metric::kSwd].get<double>());
  return text;
}

// A row of the registry, written with named steps.
struct Row {
  MetricSpec spec;
  Row(const char* key, std::string label, std::string unit, Better better, std::string computed_by) {
    spec.key = key;
    spec.label = std::move(label);
    spec.unit = std::move(unit);
    spec.better = better;
    spec.computed_by = std::move(computed_by);
  }
  Row& curve(std::string stem, std::string title, std::string y_label) {
    spec.curve = std::move(stem);
    spec.curve_title = std::move(title);
    spec.y_label = std::move(y_label);
    return *this;
  }
  Row& smoothed() { return spec.smoothed = true, *this; }
  Row& in_table() { return spec.in_table = true, *this; }
  Row& tracks_quality() { return spec.tracks_quality = true, *this; }
  Row& summary(std::string (*describe)(const json&)) { return spec.summary = describe, *this; }
  operator MetricSpec() const { return spec; }
};

std::vector<MetricSpec> build() {
  using namespace metric;
  const Better up = Better::kHigher, down = Better::kLower, none = Better::kNeither;
  const std::string training = "the trainer (train/trainer.h), averaged over the iteration's critic steps";
  const std::string toy = "2-D evaluation (eval/mode_metrics.h)";
  const std::string critic_map = "2-D evaluation: the critic on the map's grid (run/run_pictures.h)";
  const std::string features = "image evaluation through --features (eval/feature_distances.h)";
  const std::string manifold =
      "k-nearest-neighbour balls in the feature space or of 2-D points (eval/manifold_metrics.h)";
  const std::string swd =
      "images without --features: ProGAN's sliced Wasserstein distance (eval/sliced_wasserstein_images.h)";
  // Each row: key, label, unit, better direction, what computes it; then where it is drawn
  // (curve: the panel's file stem, title and y label), whether its curve is smoothed, whether
  // report.html's table shows it, whether the critic's estimate is checked against it, and its
  // part of the console summary.
  return {
      Row(kIteration, "Generator iteration", "", none, "the trainer"),
      Row(kTime, "Training time", "s", none, "the run, earlier sessions included").in_table(),
      Row(kLossD, "Critic loss", "", none, training).curve("losses", "Losses", "loss").smoothed().in_table(),
      Row(kLossG, "Generator loss", "", none, training).curve("losses", "Losses", "loss").smoothed().in_table(),
      Row(kDReal, "Mean critic output on real samples", "", none, training)
          .curve("critic", "Critic outputs", "mean D(x)")
          .smoothed(),
      Row(kDFake, "Mean critic output on generated samples", "", none, training)
          .curve("critic", "Critic outputs", "mean D(x)")
          .smoothed(),
      Row(kWassersteinEstimate, "Wasserstein estimate", "", none, training)
          .curve("wasserstein", "Wasserstein estimate E D(real) - E D(fake)", "estimate")
          .smoothed()
          .in_table(),
      Row(kPenalty, "Gradient penalty (unweighted)", "", none, "the constraint's penalty (objectives/)")
          .curve("penalty", "Gradient penalty", "penalty")
          .smoothed()
          .in_table(),
      Row(kSkippedSteps, "Optimiser steps skipped (non-finite)", "", none, "--on-nan skip"),
      Row(kEvalTime, "Evaluation time", "s", none, "the run"),
      Row(kModesCovered, "Modes covered", "", up, toy)
          .curve("modes", "Modes covered", "modes")
          .in_table()
          .summary(modes_summary),
      Row(kModesTotal, "Modes of the mixture", "", none, toy),
      Row(kHighQuality, "High-quality samples", "%", up, toy)
          .curve("high-quality", "High-quality samples", "%")
          .in_table(),
      Row(kReverseKl, "Reverse KL of the mode histogram", "nats", down, toy)
          .curve("reverse-kl", "Reverse KL of the mode histogram", "nats")
          .in_table(),
      Row(kCriticMin, "Critic minimum over the map's square", "", none, critic_map)
          .curve("critic-range", "Critic range over the map's square", "D(x)")
          .in_table(),
      Row(kCriticMax, "Critic maximum over the map's square", "", none, critic_map)
          .curve("critic-range", "Critic range over the map's square", "D(x)")
          .in_table(),
      Row(kW1, "W1 to the data", "", down, "exact W1 between equal-size samples (eval/assignment.h)")
          .curve("w1", "W1 to the data", "W1")
          .in_table()
          .tracks_quality()
          .summary(w1_summary),
      Row(kFid, "FID", "", down, features).curve("fid", "FID", "FID").in_table().tracks_quality().summary(fid_summary),
      Row(kKid, "KID", "", down, features).curve("kid", "KID", "KID").in_table().tracks_quality(),
      Row(kClassifierScore, "Classifier score", "", up, features)
          .curve("classifier-score", "Classifier score", "score")
          .in_table()
          .summary(classifier_summary),
      Row(kClassesCovered, "Classes covered", "", up, features)
          .curve("classes", "Classes covered", "classes")
          .in_table(),
      Row(kClassesTotal, "Classes of the classifier", "", none, features),
      Row(kClassHistogram, "Generated images per predicted class", "", none, features),
      Row(kPrecision, "Precision (k = 3)", "", up, manifold)
          .curve("precision-recall", "Precision and recall", "fraction")
          .in_table()
          .summary(manifold_summary),
      Row(kRecall, "Recall (k = 3)", "", up, manifold)
          .curve("precision-recall", "Precision and recall", "fraction")
          .in_table(),
      Row(kDensity, "Density (k = 5)", "", none, manifold)
          .curve("density-coverage", "Density and coverage", "value")
          .in_table(),
      Row(kCoverage, "Coverage (k = 5)", "", up, manifold)
          .curve("density-coverage", "Density and coverage", "fraction")
          .in_table(),
      Row(kSwd, "Sliced Wasserstein distance (x 1e3, mean of the levels)", "", down, swd)
          .curve("swd", "Sliced Wasserstein distance", "SWD x 1e3")
          .in_table()
          .tracks_quality()
          .summary(swd_summary),
      Row(kSwdLevels, "Sliced Wasserstein distance per pyramid level (x 1e3)", "", none, swd),
  };
}

}  // namespace

const std::vector<MetricSpec>& metric_registry() {
  static const std::vector<MetricSpec> registry = build();
  return registry;
}

const MetricSpec* find_metric(const std::string& key) {
  for (const auto& m : metric_registry())
    if (m.key == key) return &m;
  return nullptr;
}

std::string describe_metrics(const json& metrics) {
  std::string line;
  for (const auto& m : metric_registry())
    if (m.summary && metrics.contains(m.key)) line += (line.empty() ? "" : "  ") + m.summary(metrics);
  return line;
}

}  // namespace wgan

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
  std::snprintf(text, sizeof text, "classifier score %.3f  classes %lld/%lld", r[metric::kClassifierScore].get<double>(),
                integer(r, metric::kClassesCovered), integer(r, metric::kClassesTotal));
  return text;
}

std::string manifold_summary(const json& r) {
  char text[128];
  std::snprintf(text, sizeof text, "precision %.3f  recall %.3f  density %.3f  coverage %.3f",
                r[metric::kPrecision].get<double>(), r[metric::kRecall].get<double>(), r[metric::kDensity].get<double>(),
                r[metric::kCoverage].get<double>());
  return text;
}
std::string swd_summary(const json& r) {
  char text[64];
  std::snprintf(text, sizeof text, "SWD %.2f", r[metric::kSwd].get<double>());
  return text;
}

std::vector<MetricSpec> build() {
  using namespace metric;
  const Better up = Better::kHigher, down = Better::kLower, none = Better::kNeither;
  const std::string training = "the trainer (train/trainer.h), averaged over the iteration's critic steps";
  const std::string toy = "2-D evaluation (eval/mode_metrics.h)";
  const std::string critic_map = "2-D evaluation: the critic on the map's grid (train/run_pictures.h)";
  const std::string features = "image evaluation through --features (eval/feature_distances.h)";
  const std::string manifold = "k-nearest-neighbour balls in the feature space or of 2-D points (eval/manifold_metrics.h)";
  const std::string swd = "images without --features: ProGAN's sliced Wasserstein distance (eval/sliced_wasserstein_images.h)";
  //  key                label                               unit    better  curve stem   title                                              y label     smooth table  tracks summary   computed by
  return {
      {kIteration, "Generator iteration", "", none, "", "", "", false, false, false, nullptr, "the trainer"},
      {kTime, "Training time", "s", none, "", "", "", false, true, false, nullptr, "the run, earlier sessions included"},
      {kLossD, "Critic loss", "", none, "losses", "Losses", "loss", true, true, false, nullptr, training},
      {kLossG, "Generator loss", "", none, "losses", "Losses", "loss", true, true, false, nullptr, training},
      {kDReal, "Mean critic output on real samples", "", none, "critic", "Critic outputs", "mean D(x)", true, false, false, nullptr, training},
      {kDFake, "Mean critic output on generated samples", "", none, "critic", "Critic outputs", "mean D(x)", true, false, false, nullptr, training},
      {kWassersteinEstimate, "Wasserstein estimate", "", none, "wasserstein", "Wasserstein estimate E D(real) - E D(fake)", "estimate", true, true, false, nullptr, training},
      {kPenalty, "Gradient penalty (unweighted)", "", none, "penalty", "Gradient penalty", "penalty", true, true, false, nullptr, "the constraint's penalty (objectives/)"},
      {kSkippedSteps, "Optimiser steps skipped (non-finite)", "", none, "", "", "", false, false, false, nullptr, "--on-nan skip"},
      {kEvalTime, "Evaluation time", "s", none, "", "", "", false, false, false, nullptr, "the run"},
      {kModesCovered, "Modes covered", "", up, "modes", "Modes covered", "modes", false, true, false, modes_summary, toy},
      {kModesTotal, "Modes of the mixture", "", none, "", "", "", false, false, false, nullptr, toy},
      {kHighQuality, "High-quality samples", "%", up, "high-quality", "High-quality samples", "%", false, true, false, nullptr, toy},
      {kReverseKl, "Reverse KL of the mode histogram", "nats", down, "reverse-kl", "Reverse KL of the mode histogram", "nats", false, true, false, nullptr, toy},
      {kCriticMin, "Critic minimum over the map's square", "", none, "critic-range", "Critic range over the map's square", "D(x)", false, true, false, nullptr, critic_map},
      {kCriticMax, "Critic maximum over the map's square", "", none, "critic-range", "Critic range over the map's square", "D(x)", false, true, false, nullptr, critic_map},
      {kW1, "W1 to the data", "", down, "w1", "W1 to the data", "W1", false, true, true, w1_summary, "exact W1 between equal-size samples (eval/assignment.h)"},
      {kFid, "FID", "", down, "fid", "FID", "FID", false, true, true, fid_summary, features},
      {kKid, "KID", "", down, "kid", "KID", "KID", false, true, true, nullptr, features},
      {kClassifierScore, "Classifier score", "", up, "classifier-score", "Classifier score", "score", false, true, false, classifier_summary, features},
      {kClassesCovered, "Classes covered", "", up, "classes", "Classes covered", "classes", false, true, false, nullptr, features},
      {kClassesTotal, "Classes of the classifier", "", none, "", "", "", false, false, false, nullptr, features},
      {kClassHistogram, "Generated images per predicted class", "", none, "", "", "", false, false, false, nullptr, features},
      {kPrecision, "Precision (k = 3)", "", up, "precision-recall", "Precision and recall", "fraction", false, true, false, manifold_summary, manifold},
      {kRecall, "Recall (k = 3)", "", up, "precision-recall", "Precision and recall", "fraction", false, true, false, nullptr, manifold},
      {kDensity, "Density (k = 5)", "", none, "density-coverage", "Density and coverage", "value", false, true, false, nullptr, manifold},
      {kCoverage, "Coverage (k = 5)", "", up, "density-coverage", "Density and coverage", "fraction", false, true, false, nullptr, manifold},
      {kSwd, "Sliced Wasserstein distance (x 1e3, mean of the levels)", "", down, "swd", "Sliced Wasserstein distance", "SWD x 1e3", false, true, true, swd_summary, swd},
      {kSwdLevels, "Sliced Wasserstein distance per pyramid level (x 1e3)", "", none, "", "", "", false, false, false, nullptr, swd},
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

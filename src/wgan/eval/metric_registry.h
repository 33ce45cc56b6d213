// Every value a run logs to metrics.jsonl, declared once: its key, a person's name for it, its
// unit, which direction is better, the curve it is drawn in and what computes it. The
// evaluators write these keys, the console summary, report.html's curves and "best" column
// and the critic-tracking analysis read this table; nothing else spells a metric's name.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace wgan {

// The keys, for the code that writes them.
namespace metric {
// Training values, every logged iteration.
inline constexpr const char* kIteration = "iter";
inline constexpr const char* kTime = "time_s";
inline constexpr const char* kLossD = "loss_d";
inline constexpr const char* kLossG = "loss_g";
inline constexpr const char* kDReal = "d_real";
inline constexpr const char* kDFake = "d_fake";
inline constexpr const char* kWassersteinEstimate = "wasserstein_estimate";
inline constexpr const char* kPenalty = "gradient_penalty";
inline constexpr const char* kSkippedSteps = "skipped_steps";
inline constexpr const char* kEvalTime = "eval_s";
// 2-D data (eval/mode_metrics.h, eval/assignment.h).
inline constexpr const char* kW1 = "w1";
inline constexpr const char* kModesCovered = "modes_covered";
inline constexpr const char* kModesTotal = "modes_total";
inline constexpr const char* kHighQuality = "hq_percent";
inline constexpr const char* kReverseKl = "reverse_kl";
// 2-D data: the critic's extremes over the square of its maps (run/run_pictures.h).
inline constexpr const char* kCriticMin = "critic_min";
inline constexpr const char* kCriticMax = "critic_max";
// Images with a feature network (eval/feature_distances.h).
inline constexpr const char* kFid = "fid";
inline constexpr const char* kKid = "kid";
inline constexpr const char* kClassifierScore = "classifier_score";
inline constexpr const char* kClassesCovered = "classes_covered";
inline constexpr const char* kClassesTotal = "classes_total";
inline constexpr const char* kClassHistogram = "class_histogram";
// Both (eval/manifold_metrics.h): in the feature space, or of the points for 2-D data.
inline constexpr const char* kPrecision = "precision";
inline constexpr const char* kRecall = "recall";
inline constexpr const char* kDensity = "density";
inline constexpr const char* kCoverage = "coverage";
// Images without a feature network (eval/sliced_wasserstein_images.h).
inline constexpr const char* kSwd = "swd";
inline constexpr const char* kSwdLevels = "swd_levels";
// Prefix of the raw generator's metrics when the averaged one's are the main ones (--generator both).
inline constexpr const char* kRawPrefix = "raw_";
}  // namespace metric

enum class Better { kHigher, kLower, kNeither };

struct MetricSpec {
  std::string key;
  std::string label;  // "High-quality samples"
  std::string unit;   // "%", "nats", or empty
  Better better = Better::kNeither;
  // The curve under plots/ it is drawn in (metrics sharing a stem share a panel), its title
  // and y label; empty stem: not drawn.
  std::string curve, curve_title, y_label;
  bool smoothed = false;  // training values are noisy: drawn raw and smoothed
  // In report.html's table of final values (those with a better direction also get "best").
  bool in_table = false;
  // The critic's Wasserstein estimate is checked against it (does the critic track quality?).
  bool tracks_quality = false;
  // Its part of the one-line console summary, from an evaluation's record; empty: none.
  std::string (*summary)(const nlohmann::json& record) = nullptr;
  std::string computed_by;
};

const std::vector<MetricSpec>& metric_registry();
// The entry of a key, or nullptr.
const MetricSpec* find_metric(const std::string& key);

// One line for a person from an evaluation's values, e.g.
// "modes 25/25  high-quality 93.1%  reverse KL 0.004 nats  W1 0.0412".
std::string describe_metrics(const nlohmann::json& metrics);

}  // namespace wgan

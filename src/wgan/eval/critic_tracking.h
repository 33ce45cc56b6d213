// Does the critic track sample quality? For each quality metric of the registry
// (tracks_quality: w1, fid, kid) that the records hold: at each evaluation, the mean Wasserstein
// estimate over the iterations logged since the previous evaluation, against the metric;
// Spearman's rank correlation over the evaluations (+1: the estimate falls exactly when the
// metric falls). Only metrics evaluated at least 5 times.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace wgan {

struct CriticTracking {
  std::string metric;
  int64_t evaluations = 0;
  double spearman = 0;
};
std::vector<CriticTracking> critic_tracking(const std::vector<nlohmann::json>& records);

// One line per metric, e.g. "critic estimate vs w1: Spearman 0.93 over 30 evaluations".
std::string describe_tracking(const std::vector<CriticTracking>& tracking);

}  // namespace wgan

#include "wgan/eval/critic_tracking.h"

#include <cstdio>

#include "wgan/eval/metric_registry.h"
#include "wgan/eval/rank_correlation.h"

namespace wgan {

std::vector<CriticTracking> critic_tracking(const std::vector<nlohmann::json>& records) {
  std::vector<CriticTracking> result;
  const std::string estimate = metric::kWassersteinEstimate;
  for (const MetricSpec& m : metric_registry()) {
    if (!m.tracks_quality) continue;
    std::vector<double> estimates, values;
    double sum = 0;
    int64_t count = 0;
    for (const auto& r : records) {
      if (r.contains(estimate) && r[estimate].is_number()) sum += r[estimate].get<double>(), ++count;
      if (r.contains(m.key) && r[m.key].is_number() && count > 0) {
        estimates.push_back(sum / static_cast<double>(count));
        values.push_back(r[m.key].get<double>());
        sum = 0, count = 0;
      }
    }
    if (values.size() >= 5) result.push_back({m.key, static_cast<int64_t>(values.size()), spearman(estimates, values)});
  }
  return result;
}

std::string describe_tracking(const std::vector<CriticTracking>& tracking) {
  std::string text;
  char line[128];
  for (const auto& t : tracking) {
    std::snprintf(line, sizeof line, "critic estimate vs %s: Spearman %.3f over %lld evaluations\n",
                  t.metric.c_str(), t.spearman, static_cast<long long>(t.evaluations));
    text += line;
  }
  return text;
}

}  // namespace wgan

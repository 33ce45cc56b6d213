// Every value a run writes to metrics.jsonl is declared in the metric registry, and the pieces
// that read the registry (the console summary, the report's panels) follow it.
#include "wgan/eval/metric_registry.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "../test_util.h"

namespace wgan {
namespace {

TEST(MetricRegistry, EveryKeyARunWritesIsDeclared) {
  test::TempDir dir;
  const auto r = test::run_wgan("train --loss wgan-gp --iters 4 --batch-size 32 --g-width 16 --d-width 16 --threads 1 "
                                "--eval-every 2 --eval-samples 50 --log-every 1 --quiet --out " + dir / "run");
  ASSERT_EQ(r.status, 0) << r.output;
  std::set<std::string> seen;
  std::istringstream lines(test::read_file(dir / "run/metrics.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    const auto record = nlohmann::json::parse(line);
    for (const auto& [key, value] : record.items()) seen.insert(key);
  }
  for (const auto& key : seen) EXPECT_NE(find_metric(key), nullptr) << key << " is written but not declared";
  for (const char* key : {metric::kW1, metric::kModesCovered, metric::kPenalty, metric::kEvalTime, metric::kCriticMax})
    EXPECT_TRUE(seen.count(key)) << key;
}

TEST(MetricRegistry, SummaryAndDirectionsFollowTheTable) {
  nlohmann::json record = {{metric::kW1, 0.25},         {metric::kModesCovered, 24}, {metric::kModesTotal, 25},
                           {metric::kHighQuality, 90.5}, {metric::kReverseKl, 0.01}};
  EXPECT_EQ(describe_metrics(record), "modes 24/25  high-quality 90.5%  reverse KL 0.0100 nats  W1 0.2500");
  EXPECT_EQ(find_metric(metric::kW1)->better, Better::kLower);
  EXPECT_EQ(find_metric(metric::kHighQuality)->better, Better::kHigher);
  EXPECT_EQ(find_metric(metric::kLossD)->better, Better::kNeither);
  for (const auto& m : metric_registry()) {
    EXPECT_FALSE(m.label.empty()) << m.key;
    EXPECT_EQ(m.curve.empty(), m.curve_title.empty()) << m.key;
    if (m.tracks_quality) EXPECT_EQ(m.better, Better::kLower) << m.key << ": tracking expects lower-is-better";
  }
}

}  // namespace
}  // namespace wgan

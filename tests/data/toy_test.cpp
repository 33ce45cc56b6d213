#include "wgan/data/toy.h"

#include <gtest/gtest.h>

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/data/toy_source.h"

namespace wgan {
namespace {

TEST(ToyDistribution, Gaussians25HasTheBenchmarkGrid) {
  auto d = ToyDistribution::from_name("gaussians25");
  ASSERT_EQ(d.modes().size(0), 25);
  EXPECT_EQ(d.modes().min().item<float>(), -4.0f);
  EXPECT_EQ(d.modes().max().item<float>(), 4.0f);
  EXPECT_DOUBLE_EQ(d.mode_std(), 0.05);
  auto gen = make_generator(1, Stream::kRealBatch);
  auto x = d.sample(20000, gen);
  // Each sample lies near its nearest mode with the stated spread.
  auto [dist, idx] = torch::cdist(x, d.modes()).min(1);
  const double rms = dist.pow(2).mean().sqrt().item<double>();
  EXPECT_NEAR(rms, 0.05 * std::sqrt(2.0), 0.003);
  // Every mode is used about equally.
  auto counts = torch::bincount(idx, {}, 25).to(torch::kFloat);
  EXPECT_GT(counts.min().item<float>(), 20000 / 25 * 0.8);
}

TEST(ToyDistribution, Gaussians8LiesOnTheUnitCircle) {
  auto d = ToyDistribution::from_name("gaussians8");
  ASSERT_EQ(d.modes().size(0), 8);
  EXPECT_TRUE(torch::allclose(d.modes().norm(2, 1), torch::ones({8}), 1e-5, 1e-6));
  EXPECT_DOUBLE_EQ(d.mode_std(), 0.01);
}

TEST(ToyDistribution, SwissRollRadiusFollowsItsParameter) {
  auto d = ToyDistribution::from_name("swissroll");
  EXPECT_FALSE(d.has_modes());
  auto gen = make_generator(2, Stream::kRealBatch);
  auto r = d.sample(50000, gen).norm(2, 1) * 7.5;
  // t in [1.5 pi, 4.5 pi]; with N(0, 0.25^2) noise the radius stays within a small margin.
  EXPECT_GT(r.min().item<double>(), 1.5 * M_PI - 1.5);
  EXPECT_LT(r.max().item<double>(), 4.5 * M_PI + 1.5);
  EXPECT_NEAR(r.mean().item<double>(), 3.0 * M_PI, 0.1);
}

TEST(ToyDistribution, UnknownNameIsAUsageError) {
  EXPECT_THROW(ToyDistribution::from_name("gaussians9"), UsageError);
}

TEST(ToySource, FreshBatchesArePureFunctionsOfTheirIndex) {
  ToySource a(ToyDistribution::from_name("gaussians8"), 5, 0);
  ToySource b(ToyDistribution::from_name("gaussians8"), 5, 0);
  EXPECT_TRUE(torch::equal(a.batch(3, 64), b.batch(3, 64)));
  EXPECT_FALSE(torch::equal(a.batch(3, 64), a.batch(4, 64)));
}

TEST(ToySource, FiniteSetVisitsEveryPointOncePerEpoch) {
  ToySource source(ToyDistribution::from_name("gaussians25"), 9, 100);
  // 100 points, batches of 30: batches 0..9 cover 3 epochs exactly.
  std::vector<torch::Tensor> batches;
  for (int i = 0; i < 10; ++i) batches.push_back(source.batch(i, 30));
  auto all = torch::cat(batches);
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto part = all.narrow(0, epoch * 100, 100);
    // Sorting by x then y gives the same set each epoch.
    auto key = part.select(1, 0) * 1000 + part.select(1, 1);
    auto first_key = all.narrow(0, 0, 100).select(1, 0) * 1000 + all.narrow(0, 0, 100).select(1, 1);
    EXPECT_TRUE(torch::equal(std::get<0>(key.sort()), std::get<0>(first_key.sort())));
    EXPECT_EQ(std::get<0>(at::_unique(key)).numel(), 100);
  }
  // Different epochs use different orders.
  EXPECT_FALSE(torch::equal(all.narrow(0, 0, 100), all.narrow(0, 100, 100)));
}

}  // namespace
}  // namespace wgan

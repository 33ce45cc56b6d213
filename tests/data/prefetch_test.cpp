// Prefetching must never change what a batch source serves, whatever the order of requests.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "wgan/core/error.h"
#include "wgan/data/tensor_source.h"
#include "wgan/data/prefetching_source.h"

namespace wgan {
namespace {

TEST(PrefetchingSource, ServesExactlyWhatTheSourceServes) {
  auto images = torch::randint(0, 256, {50, 1, 4, 4}, torch::kUInt8);
  auto plain = std::make_shared<TensorSource>(images, 7);
  PrefetchingSource prefetching(std::make_shared<TensorSource>(images, 7));
  // In order (the prefetched path), then jumps and a changed batch size (the direct path).
  for (int64_t index : {0, 1, 2, 3, 9, 10, 4, 4, 30}) {
    const int64_t batch = index == 4 ? 13 : 8;
    EXPECT_TRUE(torch::equal(prefetching.batch(index, batch), plain->batch(index, batch))) << index;
  }
}

TEST(TensorSource, EachEpochVisitsEveryImageOnce) {
  auto images = torch::arange(20, torch::kUInt8).view({20, 1, 1, 1});
  TensorSource source(images, 3);
  // Batches of 5: four per epoch. Pixel value v maps to v / 127.5 - 1.
  for (int epoch = 0; epoch < 2; ++epoch) {
    std::vector<torch::Tensor> seen;
    for (int k = 0; k < 4; ++k) seen.push_back(source.batch(epoch * 4 + k, 5).flatten());
    auto values = std::get<0>(torch::cat(seen).add(1).mul(127.5).round().sort());
    EXPECT_TRUE(torch::equal(values.to(torch::kLong), torch::arange(20))) << "epoch " << epoch;
  }
}

TEST(TensorSource, FloatingPointRowsAreServedUnchangedInEpochOrder) {
  // Rows i -> (i, -i): each epoch of batches of 4 holds every row once, unchanged.
  const auto ids = torch::arange(12, torch::kFloat64);
  TensorSource source(torch::stack({ids, -ids}, 1), 9);
  EXPECT_EQ(source.sample_shape(), (std::vector<int64_t>{2}));
  for (int epoch = 0; epoch < 2; ++epoch) {
    std::vector<torch::Tensor> seen;
    for (int k = 0; k < 3; ++k) seen.push_back(source.batch(epoch * 3 + k, 4));
    const auto rows = torch::cat(seen);
    EXPECT_EQ(rows.scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::equal(rows.select(1, 1), -rows.select(1, 0)));
    EXPECT_TRUE(torch::equal(std::get<0>(rows.select(1, 0).sort()), ids.to(torch::kFloat32))) << "epoch " << epoch;
  }
  EXPECT_TRUE(torch::equal(source.batch(1, 4), source.batch(1, 4)));  // a pure function of the index
}

TEST(TensorSource, PixelsSurviveTheTripToMinusOneOneAndBack) {
  const auto pixels = torch::arange(256, torch::kLong).to(torch::kUInt8);
  EXPECT_TRUE(torch::equal(pixels_from_normalized(normalize_pixels(pixels)), pixels));
  // Out-of-range values (a generator's overshoot) clamp to black and white.
  EXPECT_TRUE(torch::equal(pixels_from_normalized(torch::tensor({-3.0f, 3.0f})), torch::tensor({0, 255}, torch::kUInt8)));
}

TEST(TensorSource, ATorchDataDatasetServesWhatItsTensorWould) {
  const auto samples = torch::randn({10, 3});
  torch::data::datasets::TensorDataset dataset(samples);
  auto from_dataset = tensor_source_from(dataset, 4);
  TensorSource direct(samples, 4);
  for (int64_t b = 0; b < 5; ++b) EXPECT_TRUE(torch::equal(from_dataset->batch(b, 4), direct.batch(b, 4)));
  torch::data::datasets::TensorDataset empty(torch::zeros({0, 3}));
  EXPECT_THROW(tensor_source_from(empty, 4), UsageError);
}

TEST(TensorSource, RefusesWhatIsNotSamples) {
  EXPECT_THROW(TensorSource(torch::zeros({0, 2}), 1), UsageError);
  EXPECT_THROW(TensorSource(torch::zeros({5}), 1), UsageError);
  EXPECT_THROW(TensorSource(torch::zeros({5, 2}, torch::kInt32), 1), UsageError);
}

}  // namespace
}  // namespace wgan

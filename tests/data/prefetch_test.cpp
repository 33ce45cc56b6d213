// Prefetching must never change what a batch source serves, whatever the order of requests.
#include <gtest/gtest.h>

#include "wgan/data/image_source.h"
#include "wgan/data/prefetching_source.h"

namespace wgan {
namespace {

TEST(PrefetchingSource, ServesExactlyWhatTheSourceServes) {
  auto images = torch::randint(0, 256, {50, 1, 4, 4}, torch::kUInt8);
  auto plain = std::make_shared<ImageSource>(images, 7);
  PrefetchingSource prefetching(std::make_shared<ImageSource>(images, 7));
  // In order (the prefetched path), then jumps and a changed batch size (the direct path).
  for (int64_t index : {0, 1, 2, 3, 9, 10, 4, 4, 30}) {
    const int64_t batch = index == 4 ? 13 : 8;
    EXPECT_TRUE(torch::equal(prefetching.batch(index, batch), plain->batch(index, batch))) << index;
  }
}

TEST(ImageSource, EachEpochVisitsEveryImageOnce) {
  auto images = torch::arange(20, torch::kUInt8).view({20, 1, 1, 1});
  ImageSource source(images, 3);
  // Batches of 5: four per epoch. Pixel value v maps to v / 127.5 - 1.
  for (int epoch = 0; epoch < 2; ++epoch) {
    std::vector<torch::Tensor> seen;
    for (int k = 0; k < 4; ++k) seen.push_back(source.batch(epoch * 4 + k, 5).flatten());
    auto values = std::get<0>(torch::cat(seen).add(1).mul(127.5).round().sort());
    EXPECT_TRUE(torch::equal(values.to(torch::kLong), torch::arange(20))) << "epoch " << epoch;
  }
}

}  // namespace
}  // namespace wgan

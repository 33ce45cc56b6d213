// Sample grids: layout as torchvision's make_grid, pixel scaling, and a PNG round trip.
#include <gtest/gtest.h>
#include <stb_image.h>

#include "wgan/viz/image_grid.h"
#include "wgan/viz/png.h"

namespace wgan {
namespace {

TEST(ImageGrid, LaysImagesOutInRowsWithPadding) {
  // 10 images of 1x3x5, 8 per row: 2 rows; height 2 * (3 + 2) + 2, width 8 * (5 + 2) + 2.
  auto images = torch::full({10, 1, 3, 5}, 1.0f);
  images[9].fill_(-1.0f);
  auto grid = make_image_grid(images);
  ASSERT_EQ(grid.sizes(), (std::vector<int64_t>{1, 12, 58}));
  EXPECT_EQ(grid[0][2][2].item<int>(), 255);          // first image, top-left pixel
  EXPECT_EQ(grid[0][0][0].item<int>(), 0);            // padding
  EXPECT_EQ(grid[0][7][2 + 7].item<int>(), 0);        // image 9 (second row, second) is -1
  EXPECT_EQ(grid[0][7][2 + 14].item<int>(), 0);       // no image 10: padding colour
  EXPECT_EQ(grid.sum().item<int64_t>(), 9 * 15 * 255);
}

TEST(ImageGrid, ScalesPixels) {
  auto images = torch::tensor({-1.0f, 0.0f, 1.0f, 3.0f}).view({1, 1, 1, 4});
  auto range = make_image_grid(images, 8, 0, GridScaling::kRange);
  EXPECT_EQ(range[0][0][0].item<int>(), 0);
  EXPECT_EQ(range[0][0][1].item<int>(), 128);  // (0 + 1) / 2 * 255, rounded
  EXPECT_EQ(range[0][0][3].item<int>(), 255);  // clamped
  auto batch = make_image_grid(images, 8, 0, GridScaling::kBatch);
  EXPECT_EQ(batch[0][0][0].item<int>(), 0);
  EXPECT_EQ(batch[0][0][1].item<int>(), 64);  // 1 / 4 of the way from -1 to 3
  EXPECT_EQ(batch[0][0][3].item<int>(), 255);
}

TEST(Png, RoundTripsThroughADecoder) {
  auto image = torch::randint(0, 256, {3, 7, 9}, torch::kUInt8);
  const auto bytes = encode_png(image);
  int w = 0, h = 0, c = 0;
  unsigned char* decoded = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &c, 3);
  ASSERT_NE(decoded, nullptr);
  EXPECT_EQ(w, 9);
  EXPECT_EQ(h, 7);
  auto back = torch::from_blob(decoded, {7, 9, 3}, torch::kUInt8).permute({2, 0, 1}).clone();
  stbi_image_free(decoded);
  EXPECT_TRUE(torch::equal(back, image));
}

}  // namespace
}  // namespace wgan

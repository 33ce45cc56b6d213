// The critic map of a diverged critic: NaN and Inf cells are drawn grey, the finite ones on the
// colour scale of the finite values (a NaN cast to a colour band was undefined behaviour,
// found by UBSan on a run under --on-nan skip).
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cmath>
#include <limits>

#include "../test_util.h"
#include "wgan/viz/critic_map.h"

namespace wgan {
namespace {

TEST(CriticMap, NonFiniteCellsAreGreyAndTheRestKeepTheirColours) {
  test::TempDir dir;
  CriticMap map;
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  // Row 0 is the top. Column 0 NaN, column 1 Inf, columns 2 and 3 the finite lowest and highest.
  map.values = torch::tensor({nan, inf, 0.0, 1.0, nan, -inf, 0.0, 1.0, nan, inf, 0.0, 1.0, nan, inf, 0.0, 1.0},
                             torch::kFloat64)
                   .view({4, 4});
  const int size = 200;  // the map's square: from (50, 34), side size - 80 = 120, cells of 30
  write_critic_map(map, dir / "map.png", size);
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load((dir / "map.png").c_str(), &w, &h, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  auto pixel = [&](int cell_column, int cell_row) {
    const int x = 50 + 30 * cell_column + 15, y = 34 + 30 * cell_row + 15;
    const unsigned char* p = pixels + 3 * (y * w + x);
    return std::array<int, 3>{p[0], p[1], p[2]};
  };
  const std::array<int, 3> grey{153, 153, 153};
  EXPECT_EQ(pixel(0, 0), grey);
  EXPECT_EQ(pixel(1, 1), grey);
  // The finite extremes are viridis' two ends: dark purple and yellow.
  EXPECT_LT(pixel(2, 0)[1], 60);
  EXPECT_GT(pixel(3, 0)[0], 200);
  EXPECT_GT(pixel(3, 0)[1], 200);
  stbi_image_free(pixels);
}

TEST(CriticMap, AllNonFiniteValuesStillDraw) {
  test::TempDir dir;
  CriticMap map;
  map.values = torch::full({3, 3}, std::numeric_limits<double>::quiet_NaN(), torch::kFloat64);
  write_critic_map(map, dir / "map.png", 200);
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load((dir / "map.png").c_str(), &w, &h, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  EXPECT_EQ(h, 200);
  stbi_image_free(pixels);
}

}  // namespace
}  // namespace wgan

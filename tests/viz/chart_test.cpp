// Charts, smoothing, ticks, GIF animations and the critic map's grid orientation.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>

#include "../test_util.h"
#include "wgan/nets/sequential_network.h"
#include "wgan/run/run_pictures.h"
#include "wgan/viz/chart.h"
#include "wgan/viz/critic_map.h"
#include "wgan/viz/gif.h"

namespace wgan {
namespace {

TEST(Chart, NiceTicksUseOneTwoFiveSteps) {
  const auto unit = nice_ticks(0, 1, 6);
  ASSERT_EQ(unit.size(), 6u);
  for (size_t i = 0; i < unit.size(); ++i) EXPECT_NEAR(unit[i], 0.2 * i, 1e-12);
  // A span of 50.3 in about 5 steps: 10.06 rounds up to the next 1-2-5 step, 20.
  const auto ticks = nice_ticks(-3.3, 47, 6);
  EXPECT_EQ(ticks, (std::vector<double>{0, 20, 40}));
}

TEST(Chart, SmoothingKeepsConstantsAndRemovesSpikes) {
  std::vector<double> y(50, 2.0);
  for (double v : smooth(y, {SmoothingKind::kEma, 0.9, 0})) EXPECT_NEAR(v, 2.0, 1e-12);  // debiased from the start
  y[25] = 1000;
  const auto median = smooth(y, {SmoothingKind::kMedian, 0, 5});
  EXPECT_DOUBLE_EQ(median[25], 2.0);
  const auto ema = smooth(y, {SmoothingKind::kEma, 0.9, 0});
  EXPECT_GT(ema[25], 2.0);  // an average does feel the spike
}

TEST(Chart, WritesPngOfTheRequestedSizeAndSvg) {
  test::TempDir dir;
  Chart chart;
  chart.title = "test";
  chart.series.push_back({"a", {1, 2, 3, 4}, {0.5, 0.1, 0.3, 0.2}});
  chart.series.push_back({"b", {1, 2, 3, 4}, {1, 2, 3, 4}});
  write_chart(chart, dir / "c.png", 400, 200);
  int w = 0, h = 0, c = 0;
  ASSERT_TRUE(stbi_info((dir / "c.png").c_str(), &w, &h, &c));
  EXPECT_EQ(w, 400);
  EXPECT_EQ(h, 200);
  // Where the data is drawn the pixels are not uniform: the first series' blue is there.
  unsigned char* px = stbi_load((dir / "c.png").c_str(), &w, &h, &c, 3);
  ASSERT_NE(px, nullptr);
  int blue = 0, white = 0;
  for (int y = 36; y < h - 48; ++y)
    for (int x = 70; x < w - 20; ++x) {
      const unsigned char* p = px + 3 * (y * w + x);
      blue += std::abs(p[0] - 31) < 12 && std::abs(p[1] - 119) < 12 && std::abs(p[2] - 180) < 12;
      white += p[0] == 255 && p[1] == 255 && p[2] == 255;
    }
  stbi_image_free(px);
  EXPECT_GT(blue, 100);
  EXPECT_GT(white, 1000);

  write_chart(chart, dir / "c.svg");
  EXPECT_NE(test::read_file(dir / "c.svg").find("<svg"), std::string::npos);
  if (!test::python_has_module("xml")) GTEST_SKIP() << "no python3";
  const auto parsed = test::run_python(
      "-c \"import sys, xml.etree.ElementTree as E; "
      "r = E.parse(sys.argv[1]).getroot(); assert r.tag.endswith('svg'), r.tag\" " +
      (dir / "c.svg"));
  EXPECT_EQ(parsed.status, 0) << "the SVG does not parse as XML: " << parsed.output;
}

// The legend is as wide as its longest label and ends inside the plot, 8 pixels from its
// right edge: a long run name is neither cut by the frame nor drawn into the margin.
TEST(Chart, LegendFitsItsLongestLabelInsideThePlot) {
  test::TempDir dir;
  for (const std::string label : {"a", "seed004-paper-optimiser d_real, a long label"}) {
    Chart chart;
    chart.series.push_back({label, {1, 2, 3, 4}, {0, 0, 0, 0}});
    write_chart(chart, dir / "c.png", 720, 360);
    int w = 0, h = 0, c = 0;
    unsigned char* px = stbi_load((dir / "c.png").c_str(), &w, &h, &c, 3);
    ASSERT_NE(px, nullptr);
    const int right = w - 20;  // the plot's right edge, where the frame is drawn
    int rightmost = -1;
    for (int y = 40; y < 60; ++y)  // the first legend row
      for (int x = 0; x < w; ++x) {
        const unsigned char* p = px + 3 * (y * w + x);
        if (p[0] < 100 && p[1] < 100 && p[2] < 100 && std::abs(x - right) > 1) rightmost = std::max(rightmost, x);
      }
    stbi_image_free(px);
    EXPECT_GE(rightmost, right - 12) << label;
    EXPECT_LE(rightmost, right - 7) << label;
  }
}

TEST(Gif, AnimationHoldsEveryFrame) {
  test::TempDir dir;
  std::vector<torch::Tensor> grey = {torch::full({1, 4, 6}, 10, torch::kUInt8),
                                     torch::full({1, 4, 6}, 200, torch::kUInt8),
                                     torch::arange(24, torch::kUInt8).view({1, 4, 6})};
  write_gif(dir / "g.gif", grey, 10);
  const std::string bytes = test::read_file(dir / "g.gif");
  int* delays = nullptr;
  int w = 0, h = 0, frames = 0, c = 0;
  unsigned char* pixels = stbi_load_gif_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                                    static_cast<int>(bytes.size()), &delays, &w, &h, &frames, &c, 1);
  ASSERT_NE(pixels, nullptr);
  EXPECT_EQ(frames, 3);
  EXPECT_EQ(w, 6);
  EXPECT_EQ(h, 4);
  EXPECT_EQ(pixels[0], 10);  // grey levels are exact
  EXPECT_EQ(pixels[24 + 5], 200);
  EXPECT_EQ(pixels[48 + 23], 23);
  EXPECT_EQ(delays[0], 100);  // 10 hundredths = 100 ms
  stbi_image_free(pixels);
  stbi_image_free(delays);

  // Colour frames go through a 6x7x6 cube: each channel within half a step.
  auto colour = torch::randint(0, 256, {3, 5, 5}, torch::kUInt8);
  write_gif(dir / "c.gif", {colour, colour}, 50);
  const std::string cbytes = test::read_file(dir / "c.gif");
  unsigned char* rgb = stbi_load_gif_from_memory(reinterpret_cast<const unsigned char*>(cbytes.data()),
                                                 static_cast<int>(cbytes.size()), &delays, &w, &h, &frames, &c, 3);
  ASSERT_NE(rgb, nullptr);
  auto decoded = torch::from_blob(rgb, {5, 5, 3}, torch::kUInt8).permute({2, 0, 1}).to(torch::kInt);
  EXPECT_LE((decoded - colour.to(torch::kInt)).abs().max().item<int>(), 26);
  stbi_image_free(rgb);
  stbi_image_free(delays);
}

TEST(CriticMap, GridRowsRunFromTopToBottom) {
  // D(x, y) = x + 2y: the top-left corner is (-e, +e), the bottom-right (+e, -e).
  torch::nn::Sequential layers;
  torch::nn::Linear linear(2, 1);
  {
    torch::NoGradGuard no_grad;
    linear->weight.copy_(torch::tensor({{1.0f, 2.0f}}));
    linear->bias.zero_();
  }
  layers->push_back(linear);
  SequentialNetworkImpl critic(layers);
  auto grid = critic_on_grid(critic, 3.0, 7, torch::kCPU);
  ASSERT_EQ(grid.sizes(), (std::vector<int64_t>{7, 7}));
  EXPECT_NEAR(grid[0][0].item<float>(), -3 + 6, 1e-5);
  EXPECT_NEAR(grid[6][6].item<float>(), 3 - 6, 1e-5);
  EXPECT_NEAR(grid[3][3].item<float>(), 0, 1e-5);

  test::TempDir dir;
  CriticMap map;
  map.values = grid;
  map.extent = 3;
  map.real = torch::randn({50, 2});
  map.fake = torch::randn({50, 2});
  map.title = "linear critic";
  write_critic_map(map, dir / "m.png", 300);
  int w = 0, h = 0, c = 0;
  unsigned char* px = stbi_load((dir / "m.png").c_str(), &w, &h, &c, 3);
  ASSERT_NE(px, nullptr);
  EXPECT_EQ(h, 300);
  // The plot spans x in [50, 270), y in [34, 254): the top-right corner (3, 3) holds the
  // critic's highest value (viridis yellow), the bottom-left (-3, -3) its lowest (dark violet).
  const unsigned char* high = px + 3 * ((34 + 3) * w + 270 - 4);
  const unsigned char* low = px + 3 * ((254 - 4) * w + 50 + 3);
  EXPECT_GT(high[0], 180);
  EXPECT_GT(high[1], 180);
  EXPECT_LT(low[0], 120);
  EXPECT_LT(low[1], 60);
  EXPECT_GT(low[2], 60);
  stbi_image_free(px);
}

}  // namespace
}  // namespace wgan

// The folder loader's decoding and resizing (libvips) against Pillow doing torchvision's
// Resize + CenterCrop (tests/python/pil_reference.py) on seed 000's real Pokémon JPEGs and on
// the odd sizes that once aborted stb's resizer; and the formats it reads beyond the first three.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "../test_util.h"
#include "wgan/core/error.h"
#include "wgan/data/image_decoder.h"
#include "wgan/viz/png.h"

namespace wgan {
namespace {

namespace fs = std::filesystem;

// The documented tolerance (docs/datasets.md): no pixel more than one level (of 255) from
// Pillow's, and a mean absolute difference below 0.25.
constexpr double kMeanTolerance = 0.25;
constexpr int kMaxTolerance = 1;

struct PillowDifference {
  double mean = 0;
  int max = 0;
};

// Our images against Pillow's for `paths` at `size`.
PillowDifference against_pillow(const std::vector<std::string>& paths, int64_t size) {
  test::TempDir dir;
  std::string args = dir / "reference.bin";
  args += " " + std::to_string(size);
  for (const auto& path : paths) args += " " + path;
  const test::CommandResult r = test::run_python(std::string(WGAN_SOURCE_DIR) + "/tests/python/pil_reference.py " + args);
  EXPECT_EQ(r.status, 0) << r.output;
  const std::string reference = test::read_file(dir / "reference.bin");
  const size_t per_image = static_cast<size_t>(size * size * 3);
  EXPECT_EQ(reference.size(), per_image * paths.size());
  PillowDifference d;
  double total = 0;
  for (size_t i = 0; i < paths.size() && reference.size() == per_image * paths.size(); ++i) {
    const torch::Tensor ours = decode_resized_rgb(paths[i], size, int64_t{1} << 30).permute({1, 2, 0}).contiguous();
    const torch::Tensor theirs =
        torch::from_blob(const_cast<char*>(reference.data() + i * per_image), {size, size, 3}, torch::kUInt8);
    const torch::Tensor diff = (ours.to(torch::kInt32) - theirs.to(torch::kInt32)).abs();
    total += diff.sum().item<double>();
    d.max = std::max(d.max, diff.max().item<int>());
  }
  d.mean = total / static_cast<double>(per_image * paths.size());
  return d;
}

std::vector<std::string> pokemon(size_t count) {
  const fs::path dir = fs::path(WGAN_SOURCE_DIR) / "../shared/data/pokemon/images";
  std::vector<std::string> paths;
  if (!fs::is_directory(dir)) return paths;
  for (const auto& entry : fs::directory_iterator(dir)) paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  if (paths.size() > count) paths.resize(count);
  return paths;
}

TEST(ImageDecoder, MatchesPillowOnRealPokemonImages) {
  if (!test::python_has_module("PIL")) GTEST_SKIP() << "python3-pil is not installed (scripts/setup.sh)";
  const auto paths = pokemon(40);
  if (paths.empty()) GTEST_SKIP() << "seed 000's Pokémon images are not in ../shared/data/pokemon/images";
  for (const int64_t size : {64, 32, 48, 256, 300}) {  // 256: as they are; 300: enlarged
    const PillowDifference d = against_pillow(paths, size);
    EXPECT_LT(d.mean, kMeanTolerance) << "size " << size;
    EXPECT_LE(d.max, kMaxTolerance) << "size " << size;
    std::cout << "[          ] size " << size << ": mean |ours - Pillow| " << d.mean << ", max " << d.max << "\n";
  }
}

// The sizes a little larger than the target that made stb's resizer abort, and wide and tall
// ones, as random-pixel PNGs (the hardest case for a resizer: every pixel differs).
TEST(ImageDecoder, MatchesPillowOnOddSizes) {
  if (!test::python_has_module("PIL")) GTEST_SKIP() << "python3-pil is not installed (scripts/setup.sh)";
  test::TempDir dir;
  std::vector<std::string> paths;
  torch::manual_seed(5);
  for (const auto& [w, h] : std::vector<std::pair<int, int>>{{48, 40}, {49, 41}, {52, 44}, {33, 97}, {301, 37}, {20, 20}}) {
    paths.push_back(dir / (std::to_string(w) + "x" + std::to_string(h) + ".png"));
    write_png(paths.back(), torch::randint(0, 256, {3, h, w}, torch::kUInt8));
  }
  const PillowDifference d = against_pillow(paths, 32);
  EXPECT_LT(d.mean, kMeanTolerance);
  EXPECT_LE(d.max, kMaxTolerance);
  std::cout << "[          ] odd sizes to 32: mean |ours - Pillow| " << d.mean << ", max " << d.max << "\n";
}

// Formats Pillow writes and stb never read: WebP, GIF, TIFF, and a PNG with alpha (dropped, as
// convert("RGB") does) and a 16-bit grey PNG.
TEST(ImageDecoder, ReadsWebpGifTiffAlphaAndSixteenBitsAsPillowDoes) {
  if (!test::python_has_module("PIL")) GTEST_SKIP() << "python3-pil is not installed (scripts/setup.sh)";
  test::TempDir dir;
  const test::CommandResult made = test::run_python(
      "-c \"from PIL import Image\n"
      "import random\n"
      "random.seed(3)\n"
      "rgb = Image.new('RGB', (40, 30))\n"
      "rgb.putdata([(random.randrange(256), random.randrange(256), random.randrange(256)) for _ in range(1200)])\n"
      "rgb.save('" + (dir / "a.webp") + "', lossless=True)\n"
      "rgb.save('" + (dir / "b.tiff") + "')\n"
      "rgb.quantize(64).save('" + (dir / "c.gif") + "')\n"
      "rgba = rgb.copy(); rgba.putalpha(90); rgba.save('" + (dir / "d.png") + "')\n"
      "Image.new('I;16', (40, 30), 40000).save('" + (dir / "e.png") + "')\"");
  ASSERT_EQ(made.status, 0) << made.output;
  const PillowDifference d = against_pillow({dir / "a.webp", dir / "b.tiff", dir / "c.gif", dir / "d.png"}, 20);
  EXPECT_LT(d.mean, kMeanTolerance);
  EXPECT_LE(d.max, kMaxTolerance);
  // 16 bits: 40000 / 65535 of white, 155.6 on 8 bits.
  const torch::Tensor grey = decode_resized_rgb(dir / "e.png", 20, 1 << 20);
  EXPECT_NEAR(grey.to(torch::kFloat32).mean().item<double>(), 40000.0 / 65535 * 255, 1.0);
}

TEST(ImageDecoder, ABrokenOrTruncatedFileIsNamed) {
  test::TempDir dir;
  write_png(dir / "whole.png", torch::randint(0, 256, {3, 40, 40}, torch::kUInt8));
  const std::string whole = test::read_file(dir / "whole.png");
  test::write_bytes(dir / "cut.png", whole.substr(0, whole.size() / 2));
  test::write_bytes(dir / "text.jpg", "not an image at all");
  for (const std::string name : {"cut.png", "text.jpg"}) {
    const std::string message = test::usage_error_message([&] { decode_resized_rgb(dir / name, 16, 1 << 20); });
    EXPECT_NE(message.find(dir / name + ": cannot decode ("), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace wgan

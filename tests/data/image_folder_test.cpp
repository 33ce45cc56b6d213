// The image-folder loader on PNG, JPEG and BMP files the test writes itself: recursion, odd
// sizes, grayscale, files that are not images, a broken image, the cache.
#include <gtest/gtest.h>
#include <stb_image_write.h>

#include <filesystem>

#include "../test_util.h"
#include "wgan/core/error.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/image_transform.h"

namespace wgan {
namespace {

// An interleaved image whose pixel (x, y) is colour(x, y).
template <typename Colour>
std::vector<uint8_t> paint(int w, int h, int channels, Colour colour) {
  std::vector<uint8_t> pixels(static_cast<size_t>(w * h * channels));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::array<uint8_t, 3> c = colour(x, y);
      for (int k = 0; k < channels; ++k) pixels[static_cast<size_t>((y * w + x) * channels + k)] = c[static_cast<size_t>(k)];
    }
  return pixels;
}

void write_stb_png(const std::string& path, int w, int h, int channels, const std::vector<uint8_t>& px) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  ASSERT_TRUE(stbi_write_png(path.c_str(), w, h, channels, px.data(), w * channels));
}

// a.png: 40x20, left half red, right half blue; sub/b.jpg: 30x30 green; sub/deeper/c.bmp: 17x29
// grey 200 (one channel); notes.txt: not an image.
void write_mixed_folder(const test::TempDir& dir) {
  write_stb_png(dir / "a.png", 40, 20, 3, paint(40, 20, 3, [](int x, int) {
              return x < 20 ? std::array<uint8_t, 3>{255, 0, 0} : std::array<uint8_t, 3>{0, 0, 255};
            }));
  std::filesystem::create_directories(dir / "sub/deeper");
  auto green = paint(30, 30, 3, [](int, int) { return std::array<uint8_t, 3>{0, 255, 0}; });
  ASSERT_TRUE(stbi_write_jpg((dir / "sub/b.jpg").c_str(), 30, 30, 3, green.data(), 95));
  auto grey = paint(17, 29, 1, [](int, int) { return std::array<uint8_t, 3>{200, 0, 0}; });
  ASSERT_TRUE(stbi_write_bmp((dir / "sub/deeper/c.bmp").c_str(), 17, 29, 1, grey.data()));
  test::write_bytes(dir / "notes.txt", "not an image");
}

TEST(ImageFolder, DecodesEveryImageBelowTheFolderAndSkipsTheRest) {
  test::TempDir dir;
  write_mixed_folder(dir);
  std::vector<std::string> log;
  FolderOptions options;
  options.image_size = 16;
  options.channels = 3;
  options.log = [&](const std::string& line) { log.push_back(line); };
  ImageDataset data = load_image_folder(dir.path(), options);
  ASSERT_EQ(data.images.sizes(), (std::vector<int64_t>{3, 3, 16, 16}));
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log[0].find("skipped 1 files"), std::string::npos) << log[0];

  // Sorted order: a.png, sub/b.jpg, sub/deeper/c.bmp.
  auto a = data.images[0].to(torch::kInt);
  EXPECT_EQ(a[0][8][1].item<int>(), 255);   // left of the centre crop: red
  EXPECT_EQ(a[2][8][1].item<int>(), 0);
  EXPECT_EQ(a[2][8][14].item<int>(), 255);  // right: blue
  auto b = data.images[1].to(torch::kInt);  // JPEG: nearly pure green
  EXPECT_LT(b[0].max().item<int>(), 12);
  EXPECT_GT(b[1].min().item<int>(), 243);
  auto c = data.images[2].to(torch::kInt);  // grey, replicated to three channels
  EXPECT_EQ(c.min().item<int>(), 200);
  EXPECT_EQ(c.max().item<int>(), 200);
}

TEST(ImageFolder, ConvertsToOneChannel) {
  test::TempDir dir;
  write_mixed_folder(dir);
  FolderOptions options;
  options.image_size = 8;
  options.channels = 1;
  ImageDataset data = load_image_folder(dir.path(), options);
  ASSERT_EQ(data.images.sizes(), (std::vector<int64_t>{3, 1, 8, 8}));
  // Green's luma is about 0.59 * 255.
  EXPECT_NEAR(data.images[1].to(torch::kFloat).mean().item<float>(), 150, 4);
  EXPECT_EQ(data.images[2].min().item<int>(), 200);
}

TEST(ImageTransform, CentreCropMatchesTorchvision) {
  // 24x16 with the shorter side already 16: no resize, and the crop starts at column
  // round((24 - 16) / 2) = 4, exactly where the red border ends.
  auto px = paint(24, 16, 3, [](int x, int) {
    return x < 4 ? std::array<uint8_t, 3>{255, 0, 0}
                 : x >= 20 ? std::array<uint8_t, 3>{0, 0, 255} : std::array<uint8_t, 3>{9, 9, 9};
  });
  auto out = resize_and_center_crop(px.data(), 24, 16, 3, 16);
  ASSERT_EQ(out.sizes(), (std::vector<int64_t>{3, 16, 16}));
  EXPECT_EQ(out.min().item<int>(), 9);
  EXPECT_EQ(out.max().item<int>(), 9);
  // A 10x30 portrait scaled to width 5 is 15 high; the crop keeps rows 5..9.
  auto tall = paint(10, 30, 3, [](int, int y) {
    const uint8_t v = static_cast<uint8_t>(y < 10 ? 0 : y < 20 ? 100 : 250);
    return std::array<uint8_t, 3>{v, v, v};
  });
  auto middle = resize_and_center_crop(tall.data(), 10, 30, 3, 5);
  EXPECT_EQ(middle.sizes(), (std::vector<int64_t>{3, 5, 5}));
  EXPECT_NEAR(middle.to(torch::kFloat).mean().item<float>(), 100, 5);
}

TEST(ImageFolder, BrokenImageIsNamed) {
  test::TempDir dir;
  write_mixed_folder(dir);
  test::write_bytes(dir / "sub/broken.png", "\x89PNG\r\n\x1a\n this is not really a PNG");
  try {
    load_image_folder(dir.path(), FolderOptions{});
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(dir / "sub/broken.png"), std::string::npos) << message;
    EXPECT_NE(message.find("cannot decode"), std::string::npos) << message;
  }
}

TEST(ImageFolder, EmptyFolderIsExplained) {
  test::TempDir dir;
  test::write_bytes(dir / "readme.md", "no images here");
  try {
    load_image_folder(dir.path(), FolderOptions{});
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("no PNG, JPEG, WebP, GIF, TIFF or BMP images"), std::string::npos) << e.what();
  }
}

TEST(ImageFolder, CacheIsReusedAndInvalidatedByANewFile) {
  test::TempDir dir, cache;
  write_mixed_folder(dir);
  std::vector<std::string> log;
  FolderOptions options;
  options.image_size = 16;
  options.cache_dir = cache.path();
  options.log = [&](const std::string& line) { log.push_back(line); };
  auto contains = [&](const std::string& text) {
    for (const auto& line : log)
      if (line.find(text) != std::string::npos) return true;
    return false;
  };
  ImageDataset first = load_image_folder(dir.path(), options);
  EXPECT_TRUE(contains("cached the decoded images"));
  log.clear();
  ImageDataset second = load_image_folder(dir.path(), options);
  EXPECT_TRUE(contains("from the cache"));
  EXPECT_TRUE(torch::equal(first.images, second.images));

  write_stb_png(dir / "z.png", 16, 16, 3, paint(16, 16, 3, [](int, int) { return std::array<uint8_t, 3>{1, 2, 3}; }));
  log.clear();
  ImageDataset third = load_image_folder(dir.path(), options);
  EXPECT_FALSE(contains("from the cache"));
  EXPECT_EQ(third.images.size(0), 4);
}

}  // namespace
}  // namespace wgan

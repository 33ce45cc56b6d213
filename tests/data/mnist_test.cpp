// The IDX loader on the real MNIST test digits, and on broken files the tests write.
#include <gtest/gtest.h>
#include <zlib.h>

#include "../test_util.h"
#include "wgan/core/error.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/tensor_source.h"

namespace wgan {
namespace {

#define REQUIRE_MNIST(dir)                   \
  const std::string dir = test::mnist_dir(); \
  if (dir.empty()) GTEST_SKIP() << "the MNIST test set is not available; set WGAN_MNIST_DIR"

std::string gunzip(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  std::string out;
  char buffer[1 << 16];
  int got;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(got));
  gzclose(file);
  return out;
}

TEST(MnistLoader, RealTestDigitsHaveTheirKnownCountsAndLabels) {
  REQUIRE_MNIST(dir);
  ImageDataset data = load_idx_dataset(dir, Split::kAuto);
  ASSERT_EQ(data.images.sizes(), (std::vector<int64_t>{10000, 1, 28, 28}));
  ASSERT_EQ(data.images.scalar_type(), torch::kUInt8);
  ASSERT_TRUE(data.labels.defined());
  // The published label histogram of t10k.
  const std::vector<int64_t> expected = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
  auto histogram = torch::bincount(data.labels, {}, 10);
  for (int64_t k = 0; k < 10; ++k) EXPECT_EQ(histogram[k].item<int64_t>(), expected[k]) << "digit " << k;
  // Digits are white strokes on black: the border is background, every image has ink.
  EXPECT_EQ(data.images.select(2, 0).max().item<int>(), 0);
  EXPECT_GE(data.images.select(1, 0).amax({1, 2}).min().item<int>(), 250);
}

TEST(MnistLoader, BatchesAreNormalisedToMinusOneOne) {
  REQUIRE_MNIST(dir);
  TensorSource source(load_idx_dataset(dir, Split::kTest).images, 4);
  auto batch = source.batch(0, 512);
  EXPECT_EQ(batch.scalar_type(), torch::kFloat32);
  EXPECT_EQ(batch.sizes(), (std::vector<int64_t>{512, 1, 28, 28}));
  EXPECT_EQ(batch.min().item<float>(), -1.0f);
  EXPECT_EQ(batch.max().item<float>(), 1.0f);
  // Background dominates: the mean is far below the midpoint.
  EXPECT_LT(batch.mean().item<float>(), -0.6f);
}

TEST(MnistLoader, ReadsUncompressedFilesTheSameAsGzip) {
  REQUIRE_MNIST(dir);
  test::TempDir tmp;
  test::write_bytes(tmp / "t10k-images-idx3-ubyte", gunzip(dir + "/t10k-images-idx3-ubyte.gz"));
  ImageDataset plain = load_idx_dataset(tmp.path(), Split::kAuto);
  ImageDataset gz = load_idx_dataset(dir, Split::kAuto);
  EXPECT_TRUE(torch::equal(plain.images, gz.images));
  EXPECT_FALSE(plain.labels.defined());  // no label file in tmp
}

TEST(MnistLoader, ResizesAndConvertsChannels) {
  REQUIRE_MNIST(dir);
  ImageDataset data = load_image_dataset("mnist", dir, Split::kAuto, 32, 3, "", {});
  ASSERT_EQ(data.images.sizes(), (std::vector<int64_t>{10000, 3, 32, 32}));
  EXPECT_TRUE(torch::equal(data.images.select(1, 0), data.images.select(1, 2)));
}

TEST(MnistLoader, SplitThatIsMissingIsNamed) {
  REQUIRE_MNIST(dir);
  const std::string message = test::usage_error_message([&] { load_idx_dataset(dir, Split::kTrain); });
  EXPECT_NE(message.find("train-images-idx3-ubyte"), std::string::npos) << message;
}

TEST(MnistLoader, BadMagicNamesTheFileAndTheExpectedMagic) {
  test::TempDir tmp;
  test::write_bytes(tmp / "t10k-images-idx3-ubyte", test::big_endian32(0x804) + test::big_endian32(1) +
                                                        test::big_endian32(2) + test::big_endian32(2) + "abcd");
  const std::string message = test::usage_error_message([&] { load_idx_dataset(tmp.path(), Split::kAuto); });
  EXPECT_NE(message.find(tmp / "t10k-images-idx3-ubyte"), std::string::npos) << message;
  EXPECT_NE(message.find("0x00000803"), std::string::npos) << message;
}

TEST(MnistLoader, CountThatDisagreesWithTheLengthIsRefused) {
  test::TempDir tmp;
  // The header promises 3 images of 2x2 (12 bytes) but 8 follow.
  test::write_bytes(tmp / "train-images-idx3-ubyte", test::big_endian32(0x803) + test::big_endian32(3) +
                                                         test::big_endian32(2) + test::big_endian32(2) + "abcdefgh");
  const std::string message = test::usage_error_message([&] { load_idx_dataset(tmp.path(), Split::kAuto); });
  EXPECT_NE(message.find("header says 3 images of 2x2"), std::string::npos) << message;
  EXPECT_NE(message.find("holds 24"), std::string::npos) << message;
}

TEST(MnistLoader, LabelCountMustMatchTheImages) {
  test::TempDir tmp;
  test::write_bytes(tmp / "train-images-idx3-ubyte", test::big_endian32(0x803) + test::big_endian32(2) +
                                                         test::big_endian32(1) + test::big_endian32(1) + "ab");
  test::write_bytes(tmp / "train-labels-idx1-ubyte", test::big_endian32(0x801) + test::big_endian32(1) + "\x03");
  const std::string message = test::usage_error_message([&] { load_idx_dataset(tmp.path(), Split::kAuto); });
  EXPECT_NE(message.find("1 labels for 2 images"), std::string::npos) << message;
}

TEST(MnistLoader, TruncatedGzipIsRefusedNamingTheFile) {
  REQUIRE_MNIST(dir);
  test::TempDir tmp;
  const std::string whole = test::read_file(dir + "/t10k-images-idx3-ubyte.gz");
  test::write_bytes(tmp / "t10k-images-idx3-ubyte.gz", whole.substr(0, whole.size() / 2));
  const std::string message = test::usage_error_message([&] { load_idx_dataset(tmp.path(), Split::kAuto); });
  EXPECT_NE(message.find("t10k-images-idx3-ubyte.gz"), std::string::npos) << message;
}

// A small gzip file that expands far beyond what its header announces (a "zip bomb": here 64 MB
// of zeros in about 64 KB) is refused when the announced size is passed, not decompressed whole.
TEST(MnistLoader, AGzipFileThatExpandsBeyondItsHeaderIsRefusedWithoutReadingIt) {
  test::TempDir tmp;
  const std::string path = tmp / "t10k-images-idx3-ubyte.gz";
  gzFile file = gzopen(path.c_str(), "wb9");
  const std::string header =
      test::big_endian32(0x803) + test::big_endian32(1) + test::big_endian32(28) + test::big_endian32(28);
  gzwrite(file, header.data(), static_cast<unsigned>(header.size()));
  const std::string zeros(1 << 20, '\0');
  for (int i = 0; i < 64; ++i) gzwrite(file, zeros.data(), static_cast<unsigned>(zeros.size()));
  gzclose(file);
  const std::string message = test::usage_error_message([&] { load_idx_dataset(tmp.path(), Split::kAuto); });
  EXPECT_NE(message.find("header says 1 images of 28x28, which is 800 bytes, but the file holds more"),
            std::string::npos)
      << message;
}

TEST(MnistLoader, EmptyDirectoryExplainsWhatIsExpected) {
  test::TempDir tmp;
  const std::string message = test::usage_error_message([&] { load_idx_dataset(tmp.path(), Split::kAuto); });
  EXPECT_NE(message.find("no IDX files"), std::string::npos) << message;
}

}  // namespace
}  // namespace wgan

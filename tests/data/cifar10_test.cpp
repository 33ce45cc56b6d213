// The CIFAR-10 binary loader on small batch files the test writes itself.
#include <gtest/gtest.h>

#include "../test_util.h"
#include "wgan/core/error.h"
#include "wgan/data/image_dataset.h"

namespace wgan {
namespace {

// One record: the label, then 1024 bytes per colour plane (R, G, B), each plane constant.
std::string record(char label, char r, char g, char b) {
  return std::string(1, label) + std::string(1024, r) + std::string(1024, g) + std::string(1024, b);
}

TEST(Cifar10Loader, ReadsRecordsAsPlanarRgbWithLabels) {
  test::TempDir tmp;
  test::write_bytes(tmp / "data_batch_1.bin", record(3, 10, 20, 30) + record(7, 40, 50, 60));
  test::write_bytes(tmp / "test_batch.bin", record(9, 70, 80, 90));
  ImageDataset data = load_cifar10(tmp.path(), Split::kAuto);
  ASSERT_EQ(data.images.sizes(), (std::vector<int64_t>{3, 3, 32, 32}));
  EXPECT_EQ(data.labels[0].item<int64_t>(), 3);
  EXPECT_EQ(data.labels[1].item<int64_t>(), 7);
  EXPECT_EQ(data.labels[2].item<int64_t>(), 9);
  EXPECT_EQ(data.images[1][0][5][7].item<int>(), 40);   // R plane
  EXPECT_EQ(data.images[1][2][31][0].item<int>(), 60);  // B plane
  EXPECT_EQ(load_cifar10(tmp.path(), Split::kTrain).images.size(0), 2);
  EXPECT_EQ(load_cifar10(tmp.path(), Split::kTest).images.size(0), 1);
}

TEST(Cifar10Loader, FindsTheTarballsSubdirectory) {
  test::TempDir tmp;
  test::write_bytes(tmp / "cifar-10-batches-bin/test_batch.bin", record(1, 0, 0, 0));
  EXPECT_EQ(load_cifar10(tmp.path(), Split::kAuto).images.size(0), 1);
}

TEST(Cifar10Loader, ResizesTo64AsSeed000Does) {
  test::TempDir tmp;
  test::write_bytes(tmp / "test_batch.bin", record(1, 100, (char)200, 0));
  ImageDataset data = load_image_dataset("cifar10", tmp.path(), Split::kAuto, 64, 3, "", {});
  ASSERT_EQ(data.images.sizes(), (std::vector<int64_t>{1, 3, 64, 64}));
  // A constant image stays constant through the resize.
  EXPECT_EQ(data.images[0][0].min().item<int>(), 100);
  EXPECT_EQ(data.images[0][0].max().item<int>(), 100);
  EXPECT_EQ(data.images[0][1].min().item<int>(), 200);
}

TEST(Cifar10Loader, TruncatedBatchNamesTheFileAndTheRecordSize) {
  test::TempDir tmp;
  const std::string two = record(1, 0, 0, 0) + record(2, 0, 0, 0);
  test::write_bytes(tmp / "data_batch_1.bin", two.substr(0, two.size() - 5));
  try {
    load_cifar10(tmp.path(), Split::kAuto);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(tmp / "data_batch_1.bin"), std::string::npos) << message;
    EXPECT_NE(message.find("3073-byte"), std::string::npos) << message;
  }
}

TEST(Cifar10Loader, MissingFilesAreExplained) {
  test::TempDir tmp;
  EXPECT_THROW(load_cifar10(tmp.path(), Split::kAuto), UsageError);
  EXPECT_THROW(load_cifar10(tmp / "nowhere", Split::kAuto), UsageError);
  test::write_bytes(tmp / "test_batch.bin", record(1, 0, 0, 0));
  EXPECT_THROW(load_cifar10(tmp.path(), Split::kTrain), UsageError);
}

}  // namespace
}  // namespace wgan

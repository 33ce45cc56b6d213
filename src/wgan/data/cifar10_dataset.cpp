// CIFAR-10's binary distribution: each record is one label byte and 3x32x32 pixel bytes
// (R plane, G plane, B plane), 10,000 records per file.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "wgan/core/error.h"
#include "wgan/data/image_dataset.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

constexpr int64_t kRecord = 1 + 3 * 32 * 32;

void read_cifar_file(const std::string& path, std::vector<torch::Tensor>& images, std::vector<torch::Tensor>& labels) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot open; expected a readable CIFAR-10 batch file");
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const int64_t size = static_cast<int64_t>(bytes.size());
  if (size == 0 || size % kRecord != 0)
    throw UsageError(path + ": holds " + std::to_string(size) +
                     " bytes; expected a whole number of 3073-byte CIFAR-10 records "
                     "(truncated or not a CIFAR-10 binary batch?)");
  const int64_t n = size / kRecord;
  auto records = torch::from_blob(bytes.data(), {n, kRecord}, torch::kUInt8);
  auto label = records.select(1, 0).to(torch::kLong);
  if (label.max().item<int64_t>() > 9)
    throw UsageError(path +
                     ": holds a label above 9; expected CIFAR-10 labels 0..9 (a "
                     "CIFAR-100 file?)");
  labels.push_back(label);
  images.push_back(records.slice(1, 1).reshape({n, 3, 32, 32}).clone());
}

}  // namespace

ImageDataset load_cifar10(const std::string& dir_given, Split split) {
  fs::path dir = dir_given;
  if (fs::is_directory(dir / "cifar-10-batches-bin")) dir /= "cifar-10-batches-bin";
  if (!fs::is_directory(dir))
    throw OptionError("data", "not a directory; expected one holding " + describe_expected_files("cifar10"), dir_given);
  std::vector<std::string> files;
  if (split != Split::kTest)
    for (int k = 1; k <= 5; ++k) files.push_back("data_batch_" + std::to_string(k) + ".bin");
  if (split != Split::kTrain) files.push_back("test_batch.bin");

  std::vector<torch::Tensor> images, labels;
  for (const auto& name : files) {
    const fs::path path = dir / name;
    if (fs::is_regular_file(path)) read_cifar_file(path.string(), images, labels);
  }
  if (images.empty())
    throw OptionError("data",
                      "no CIFAR-10 batch files" +
                          (split == Split::kAuto ? std::string() : " for split " + name_of(split)) + "; expected " +
                          describe_expected_files("cifar10"),
                      dir_given);
  ImageDataset data;
  data.images = torch::cat(images);
  data.labels = torch::cat(labels);
  data.description = std::to_string(data.images.size(0)) + " images from " + dir.string() + " (" +
                     std::to_string(images.size()) + " batch files)";
  return data;
}

}  // namespace wgan

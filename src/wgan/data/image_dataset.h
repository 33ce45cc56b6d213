// Image datasets, loaded once into memory as uint8 [N, C, H, W] (pixels 0..255) with their
// labels where the format has them. Every loader reports a bad file with a UsageError naming
// the file and what was expected. See docs/datasets.md for the formats and layouts accepted.
#pragma once
#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

#include "wgan/data/image_limits.h"
#include "wgan/data/split.h"

namespace wgan {

struct ImageDataset {
  torch::Tensor images;     // uint8 [N, C, H, W]
  torch::Tensor labels;     // int64 [N]; undefined when the format has none
  std::string description;  // e.g. "10000 images of 1x28x28 from t10k"
};

struct ImageShape {
  int64_t channels = 0;
  int64_t size = 0;  // height = width
};

// mnist, fashion-mnist, cifar10, folder.
const std::vector<std::string>& image_dataset_names();
// The shape a dataset has before --image-size / --channels (folders: 3x64).
ImageShape native_image_shape(const std::string& dataset);
// What --data must hold, for messages.
std::string describe_expected_files(const std::string& dataset);

// Progress and notices while loading (decoding a large folder takes minutes).
using LoadLog = std::function<void(const std::string&)>;

// MNIST and Fashion-MNIST: IDX files, gzip-compressed or not; the test split is t10k.
ImageDataset load_idx_dataset(const std::string& dir, Split split);

// CIFAR-10 binary distribution: data_batch_1..5.bin (train) and test_batch.bin (test), in
// `dir` or in `dir`/cifar-10-batches-bin.
ImageDataset load_cifar10(const std::string& dir, Split split);

struct FolderOptions {
  int64_t image_size = 64;
  int64_t channels = 3;
  std::string cache_dir;  // where the decoded tensor is cached; empty: no cache
  LoadLog log;
  int64_t max_pixels = kDefaultMaxImagePixels;  // larger images are refused before decoding
};

// Every PNG, JPEG and BMP file below `dir` (recursively, in sorted path order), resized on the
// shorter side and centre-cropped to image_size. Other files are skipped and counted.
ImageDataset load_image_folder(const std::string& dir, const FolderOptions& options);

// Loads any dataset by name and brings it to image_size and channels.
ImageDataset load_image_dataset(const std::string& dataset, const std::string& dir, Split split, int64_t image_size,
                                int64_t channels, const std::string& cache_dir, const LoadLog& log,
                                int64_t max_pixels = kDefaultMaxImagePixels);

}  // namespace wgan

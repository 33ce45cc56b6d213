#include "wgan/data/image_dataset.h"

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/data/image_decoder.h"
#include "wgan/data/image_transform.h"

namespace wgan {

namespace {

// The image datasets, one row each: the name --dataset takes, the format, the native shape.
enum class Format { kIdx, kCifar10Binary, kFolder };
struct ImageDatasetRow {
  const char* name;
  Format format;
  ImageShape shape;
};
constexpr ImageDatasetRow kImageDatasets[] = {
    {"mnist", Format::kIdx, {1, 28}},
    {"fashion-mnist", Format::kIdx, {1, 28}},
    {"cifar10", Format::kCifar10Binary, {3, 32}},
    {"folder", Format::kFolder, {3, 64}},
};

const ImageDatasetRow& row_of(const std::string& dataset) {
  for (const auto& row : kImageDatasets)
    if (dataset == row.name) return row;
  throw OptionError("dataset",
                    "'" + dataset + "' is not an image dataset; expected one of " + join(image_dataset_names()));
}

}  // namespace

const std::vector<std::string>& image_dataset_names() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> names;
    for (const auto& row : kImageDatasets) names.emplace_back(row.name);
    return names;
  }();
  return v;
}

ImageShape native_image_shape(const std::string& dataset) { return row_of(dataset).shape; }

std::string describe_expected_files(const std::string& dataset) {
  switch (row_of(dataset).format) {
    case Format::kIdx:
      return "train-images-idx3-ubyte[.gz] and/or t10k-images-idx3-ubyte[.gz], with their "
             "-labels-idx1-ubyte[.gz] files";
    case Format::kCifar10Binary: return "CIFAR-10's binary batches data_batch_1..5.bin and/or test_batch.bin";
    case Format::kFolder: break;
  }
  return std::string(kImageFormats) + " images, in any subdirectories";
}

ImageDataset load_image_dataset(const std::string& dataset, const std::string& dir, Split split, int64_t image_size,
                                int64_t channels, const std::string& cache_dir, const LoadLog& log,
                                int64_t max_pixels) {
  ImageDataset data;
  const Format format = row_of(dataset).format;
  if (format == Format::kIdx) {
    data = load_idx_dataset(dir, split);
  } else if (format == Format::kCifar10Binary) {
    data = load_cifar10(dir, split);
  } else {
    FolderOptions options;
    options.image_size = image_size;
    options.channels = channels;
    options.cache_dir = cache_dir;
    options.log = log;
    options.max_pixels = max_pixels;
    return load_image_folder(dir, options);  // decoded straight to the size and channels
  }
  data.images = convert_channels(resize_images(data.images, image_size), channels);
  return data;
}

}  // namespace wgan

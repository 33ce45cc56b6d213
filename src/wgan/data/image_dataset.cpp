#include "wgan/data/image_dataset.h"

#include "wgan/core/error.h"
#include "wgan/data/image_decoder.h"
#include "wgan/data/image_transform.h"

namespace wgan {

const std::vector<std::string>& image_dataset_names() {
  static const std::vector<std::string> v = {"mnist", "fashion-mnist", "cifar10", "folder"};
  return v;
}

ImageShape native_image_shape(const std::string& dataset) {
  if (dataset == "mnist" || dataset == "fashion-mnist") return {1, 28};
  if (dataset == "cifar10") return {3, 32};
  if (dataset == "folder") return {3, 64};
  throw OptionError("dataset", "'" + dataset + "' is not an image dataset");
}

std::string describe_expected_files(const std::string& dataset) {
  if (dataset == "mnist" || dataset == "fashion-mnist")
    return "train-images-idx3-ubyte[.gz] and/or t10k-images-idx3-ubyte[.gz], with their "
           "-labels-idx1-ubyte[.gz] files";
  if (dataset == "cifar10")
    return "CIFAR-10's binary batches data_batch_1..5.bin and/or test_batch.bin";
  return std::string(kImageFormats) + " images, in any subdirectories";
}

ImageDataset load_image_dataset(const std::string& dataset, const std::string& dir,
                                const std::string& split, int64_t image_size, int64_t channels,
                                const std::string& cache_dir, const LoadLog& log, int64_t max_pixels) {
  ImageDataset data;
  if (dataset == "mnist" || dataset == "fashion-mnist") {
    data = load_idx_dataset(dir, split);
  } else if (dataset == "cifar10") {
    data = load_cifar10(dir, split);
  } else if (dataset == "folder") {
    FolderOptions options;
    options.image_size = image_size;
    options.channels = channels;
    options.cache_dir = cache_dir;
    options.log = log;
    options.max_pixels = max_pixels;
    return load_image_folder(dir, options);  // decoded straight to the size and channels
  } else {
    throw OptionError("dataset", "'" + dataset + "' is not an image dataset; expected one of mnist, fashion-mnist, cifar10, folder");
  }
  data.images = convert_channels(resize_images(data.images, image_size), channels);
  return data;
}

}  // namespace wgan

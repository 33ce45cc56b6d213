#include "wgan/data/dataset_sources.h"

#include <cstdlib>

namespace wgan {
namespace {

// The four IDX files of MNIST and Fashion-MNIST, with the publishers' MD5 sums (the same as
// torchvision checks).
std::vector<SourceFile> idx_files(const char* train_images, const char* train_labels, const char* test_images,
                                  const char* test_labels) {
  return {{"train-images-idx3-ubyte.gz", train_images, Split::kTrain},
          {"train-labels-idx1-ubyte.gz", train_labels, Split::kTrain},
          {"t10k-images-idx3-ubyte.gz", test_images, Split::kTest},
          {"t10k-labels-idx1-ubyte.gz", test_labels, Split::kTest}};
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

const std::vector<DatasetSource>& dataset_sources() {
  static const std::vector<DatasetSource> sources = {
      {"mnist",
       "https://ossci-datasets.s3.amazonaws.com/mnist/",
       idx_files("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                 "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
       "",
       {}},
      {"fashion-mnist",
       "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/",
       idx_files("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                 "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
       "",
       {}},
      // The binary version, "suitable for C programs" (https://www.cs.toronto.edu/~kriz/cifar.html).
      {"cifar10",
       "https://www.cs.toronto.edu/~kriz/",
       {{"cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530", Split::kAll}},
       "cifar-10-batches-bin",
       {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin",
        "test_batch.bin", "batches.meta.txt"}},
  };
  return sources;
}

const DatasetSource* find_dataset_source(const std::string& dataset) {
  for (const auto& source : dataset_sources())
    if (source.dataset == dataset) return &source;
  return nullptr;
}

std::string default_data_dir(const std::string& dataset) {
  if (const std::string root = environment("WGAN_DATA"); !root.empty()) return root + "/" + dataset;
  if (const std::string xdg = environment("XDG_DATA_HOME"); !xdg.empty()) return xdg + "/wgan/" + dataset;
  const std::string home = environment("HOME");
  return (home.empty() ? std::string(".") : home) + "/.local/share/wgan/" + dataset;
}

}  // namespace wgan

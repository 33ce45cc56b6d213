// Where the published datasets come from, and where wgan keeps them: one table that `wgan data
// fetch` downloads from and `wgan train` points to when --data is not given
// (docs/datasets.md).
#pragma once
#include <string>
#include <vector>

#include "wgan/data/split.h"

namespace wgan {

struct SourceFile {
  std::string name;  // under the base address, and in the data directory
  std::string md5;   // as the dataset's publisher gives it
  Split split;       // the split it holds: train, test, or all (an archive of both)
};

struct DatasetSource {
  std::string dataset;   // the name --dataset takes
  std::string base_url;  // the files are base_url + name
  std::vector<SourceFile> files;
  // An archive (.tar.gz) whose members are unpacked into the data directory's `unpack_dir`;
  // empty: the files are read as they are (gzip-compressed IDX files).
  std::string unpack_dir;
  std::vector<std::string> members;
};

// mnist, fashion-mnist, cifar10.
const std::vector<DatasetSource>& dataset_sources();
// Null when `dataset` is not one wgan can fetch.
const DatasetSource* find_dataset_source(const std::string& dataset);

// The directory of `dataset` when --data is not given: $WGAN_DATA/<dataset>, else
// $XDG_DATA_HOME/wgan/<dataset>, else $HOME/.local/share/wgan/<dataset>.
std::string default_data_dir(const std::string& dataset);

}  // namespace wgan

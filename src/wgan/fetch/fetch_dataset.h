// `wgan data fetch`: a published dataset downloaded, verified against its publisher's MD5 sums
// and laid out as `wgan train --dataset NAME --data DIR` reads it (docs/datasets.md).
#pragma once
#include <iosfwd>
#include <string>

#include "wgan/data/split.h"

namespace wgan {

struct FetchOptions {
  std::string dataset;        // mnist, fashion-mnist, cifar10 (data/dataset_sources.h)
  std::string to;             // empty: default_data_dir(dataset)
  std::string mirror;         // another address holding the same files; empty: the publisher's
  Split split = Split::kAll;  // mnist, fashion-mnist: train, test or all
  bool progress_bar = false;  // a redrawn line on stderr while a file downloads
};

// Fetches what is missing and returns the data directory. Each file is downloaded to
// <name>.part (continued if one is there), verified, then renamed to <name>: nothing has the
// final name before its sum is checked. A sum that differs deletes the download and is a
// UsageError naming the file and both sums; a network failure a RunError that keeps the part.
// The environment's WGAN_FETCH_SUMS, an md5sum-style file, replaces the published sums of the
// files it names (for a private mirror of other files, and the tests).
std::string fetch_dataset(const FetchOptions& options, std::ostream& log);

}  // namespace wgan

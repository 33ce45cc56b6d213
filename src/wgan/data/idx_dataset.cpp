// MNIST-style IDX files (http://yann.lecun.com/exdb/mnist/): a big-endian header (magic
// 0x00000803 for images, 0x00000801 for labels, then the dimensions) followed by uint8 data.
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>

#include "wgan/core/error.h"
#include "wgan/data/image_dataset.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

uint32_t big_endian(const std::vector<uint8_t>& b, size_t offset) {
  return (uint32_t(b[offset]) << 24) | (uint32_t(b[offset + 1]) << 16) | (uint32_t(b[offset + 2]) << 8) |
         uint32_t(b[offset + 3]);
}

// The file, decompressed when it is gzip (zlib reads plain files unchanged): its header of
// `header_size` bytes, then at most one byte more than the size `size_from_header` finds in it
// (which throws for a bad header). A few kilobytes of gzip can expand to gigabytes; reading
// stops where the header says the file ends, so such a file is refused, not decompressed.
std::vector<uint8_t> read_maybe_gzip(const std::string& path, size_t header_size,
                                     const std::function<uint64_t(const std::vector<uint8_t>&)>& size_from_header) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) throw UsageError(path + ": cannot open; expected a readable IDX file");
  std::vector<uint8_t> bytes;
  uint64_t limit = header_size;
  uint8_t buffer[1 << 16];
  int got = 0;
  try {
    while (bytes.size() < limit &&
           (got = gzread(file, buffer,
                         static_cast<unsigned>(std::min<uint64_t>(sizeof buffer, limit - bytes.size())))) > 0) {
      const bool header_pending = bytes.size() < header_size;
      bytes.insert(bytes.end(), buffer, buffer + got);
      if (header_pending && bytes.size() >= header_size) limit = size_from_header(bytes) + 1;
    }
  } catch (...) {
    gzclose(file);
    throw;
  }
  int code = Z_OK;
  const std::string reason = got < 0 ? gzerror(file, &code) : "";
  gzclose(file);
  if (got < 0) throw UsageError(path + ": cannot decompress (" + reason + "); expected an intact gzip file");
  return bytes;
}

// "which is E bytes, but the file holds N" (or "more", when reading stopped past E).
std::string size_mismatch(uint64_t expected, size_t held) {
  return "which is " + std::to_string(expected) + " bytes, but the file holds " +
         (held > expected ? "more" : std::to_string(held));
}

torch::Tensor read_idx_images(const std::string& path) {
  int64_t n = 0, rows = 0, cols = 0;
  uint64_t expected = 0;
  const auto not_idx = [&] {
    return UsageError(path + ": not an IDX image file; expected magic number 0x00000803 (2051)");
  };
  const auto bytes = read_maybe_gzip(path, 16, [&](const std::vector<uint8_t>& header) {
    if (big_endian(header, 0) != 0x00000803) throw not_idx();
    n = big_endian(header, 4), rows = big_endian(header, 8), cols = big_endian(header, 12);
    if (rows < 1 || cols < 1 || rows > 16384 || cols > 16384)
      throw UsageError(path + ": the header says images of " + std::to_string(rows) + "x" + std::to_string(cols) +
                       "; expected sizes between 1 and 16384");
    if (n == 0) throw UsageError(path + ": the header says 0 images; expected at least one");
    return expected = 16 + static_cast<uint64_t>(n) * rows * cols;
  });
  if (bytes.size() < 16) throw not_idx();
  if (bytes.size() != expected)
    throw UsageError(path + ": the header says " + std::to_string(n) + " images of " + std::to_string(rows) + "x" +
                     std::to_string(cols) + ", " + size_mismatch(expected, bytes.size()));
  auto images = torch::empty({n, 1, rows, cols}, torch::kUInt8);
  std::memcpy(images.data_ptr<uint8_t>(), bytes.data() + 16, bytes.size() - 16);
  return images;
}

torch::Tensor read_idx_labels(const std::string& path) {
  int64_t n = 0;
  const auto not_idx = [&] {
    return UsageError(path + ": not an IDX label file; expected magic number 0x00000801 (2049)");
  };
  const auto bytes = read_maybe_gzip(path, 8, [&](const std::vector<uint8_t>& header) {
    if (big_endian(header, 0) != 0x00000801) throw not_idx();
    n = big_endian(header, 4);
    return 8 + static_cast<uint64_t>(n);
  });
  if (bytes.size() < 8) throw not_idx();
  if (bytes.size() != 8 + static_cast<uint64_t>(n))
    throw UsageError(path + ": the header says " + std::to_string(n) + " labels, " +
                     size_mismatch(8 + static_cast<uint64_t>(n), bytes.size()));
  // MNIST and Fashion-MNIST have ten classes; a larger label would make a classifier of that
  // many classes out of a damaged file.
  for (int64_t i = 0; i < n; ++i)
    if (bytes[8 + i] > 9)
      throw UsageError(path + ": label " + std::to_string(bytes[8 + i]) + " at index " + std::to_string(i) +
                       "; expected 0 to 9");
  auto labels = torch::empty({n}, torch::kUInt8);
  std::memcpy(labels.data_ptr<uint8_t>(), bytes.data() + 8, static_cast<size_t>(n));
  return labels.to(torch::kLong);
}

// `stem` with or without .gz, whichever exists; empty when neither does.
std::string find_idx(const fs::path& dir, const std::string& stem) {
  for (const std::string& name : {stem, stem + ".gz"})
    if (fs::is_regular_file(dir / name)) return (dir / name).string();
  return "";
}

}  // namespace

ImageDataset load_idx_dataset(const std::string& dir, Split split) {
  if (!fs::is_directory(dir))
    throw OptionError("data", "not a directory; expected one holding " + describe_expected_files("mnist"), dir);
  std::vector<std::string> prefixes;
  if (split != Split::kTest) prefixes.push_back("train");
  if (split != Split::kTrain) prefixes.push_back("t10k");

  std::vector<torch::Tensor> images, labels;
  std::vector<std::string> used;
  bool all_labelled = true;
  for (const auto& prefix : prefixes) {
    const std::string image_file = find_idx(dir, prefix + "-images-idx3-ubyte");
    if (image_file.empty()) {
      if (split == Split::kAuto) continue;
      throw OptionError("data", "no " + prefix + "-images-idx3-ubyte[.gz] for split " + name_of(split), dir);
    }
    images.push_back(read_idx_images(image_file));
    const std::string label_file = find_idx(dir, prefix + "-labels-idx1-ubyte");
    if (label_file.empty()) {
      all_labelled = false;
    } else {
      labels.push_back(read_idx_labels(label_file));
      if (labels.back().size(0) != images.back().size(0))
        throw UsageError(label_file + ": holds " + std::to_string(labels.back().size(0)) + " labels for " +
                         std::to_string(images.back().size(0)) + " images in " + image_file +
                         "; expected one label per image");
    }
    used.push_back(prefix);
  }
  if (images.empty())
    throw OptionError("data", "no IDX files found; expected " + describe_expected_files("mnist"), dir);
  ImageDataset data;
  data.images = torch::cat(images);
  if (all_labelled) data.labels = torch::cat(labels);
  data.description = std::to_string(data.images.size(0)) + " images from " + dir + " (" +
                     (used.size() == 2 ? std::string("train + t10k") : used[0]) + ")";
  return data;
}

}  // namespace wgan

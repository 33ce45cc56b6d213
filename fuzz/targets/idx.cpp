// MNIST's IDX files, plain or gzip: the images file and the labels file of the t10k split.
#include <cstdint>
#include <filesystem>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/data/image_dataset.h"

namespace wgan::fuzz {
namespace {

const char* kImages = "t10k-images-idx3-ubyte";
const char* kLabels = "t10k-labels-idx1-ubyte";

std::string big_endian32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

}  // namespace

void read_idx(std::string_view input) {
  const auto parts = split_parts(input, 2);
  const std::string dir = scratch_dir() + "/idx";
  std::filesystem::remove_all(dir);
  write_file(dir, kImages, parts[0]);
  if (!parts[1].empty()) write_file(dir, kLabels, parts[1]);
  load_idx_dataset(dir, Split::kTest);
}

void write_idx_seeds(const std::string& dir) {
  // Three 4x5 images with labels 0, 7, 9.
  std::string images = big_endian32(2051) + big_endian32(3) + big_endian32(4) + big_endian32(5);
  for (int i = 0; i < 3 * 4 * 5; ++i) images += static_cast<char>(i * 37);
  const std::string labels = big_endian32(2049) + big_endian32(3) + std::string{0, 7, 9};
  write_file(dir, "plain", join_parts({images, labels}));
  write_file(dir, "gzip", join_parts({gzip(images), gzip(labels)}));
  write_file(dir, "unlabelled", images);
}

}  // namespace wgan::fuzz

// A CIFAR-10 binary batch (test_batch.bin): records of one label byte and 3x32x32 pixels.
#include <filesystem>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/data/image_dataset.h"

namespace wgan::fuzz {

void read_cifar10(std::string_view input) {
  const std::string dir = scratch_dir() + "/cifar10";
  std::filesystem::remove_all(dir);
  write_file(dir, "test_batch.bin", input);
  load_cifar10(dir, Split::kTest);
}

void write_cifar10_seeds(const std::string& dir) {
  std::string records;
  for (int label : {3, 9}) {
    records += static_cast<char>(label);
    for (int i = 0; i < 3 * 32 * 32; ++i) records += static_cast<char>(i * label);
  }
  write_file(dir, "two_records", records);
}

}  // namespace wgan::fuzz

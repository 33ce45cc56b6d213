// A dataset archive as `wgan data fetch` unpacks it (CIFAR-10's cifar-10-binary.tar.gz): gzip
// around ustar headers and members, two of which are asked for.
#include <cstring>
#include <filesystem>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/fetch/tar_gz.h"

namespace wgan::fuzz {
namespace {

// A ustar header for a regular file: name, size in octal, type '0', the checksum.
std::string tar_header(const std::string& name, size_t size) {
  std::string h(512, '\0');
  std::memcpy(&h[0], name.data(), std::min<size_t>(name.size(), 99));
  std::snprintf(&h[100], 8, "%07o", 0644);
  std::snprintf(&h[124], 12, "%011o", static_cast<unsigned>(size));
  h[156] = '0';
  std::memcpy(&h[257], "ustar\0" "00", 8);
  std::memset(&h[148], ' ', 8);
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  std::snprintf(&h[148], 8, "%06o", sum);
  return h;
}

}  // namespace

void read_tar_gz(std::string_view input) {
  const std::string dir = scratch_dir() + "/tar_gz";
  std::filesystem::remove_all(dir);
  write_file(dir, "archive.tar.gz", input);
  unpack_members(dir + "/archive.tar.gz", {"data_batch_1.bin", "test_batch.bin"}, dir + "/out");
}

void write_tar_gz_seeds(const std::string& dir) {
  std::string tar;
  for (const std::string name : {"cifar-10-batches-bin/readme.html", "cifar-10-batches-bin/data_batch_1.bin",
                                 "cifar-10-batches-bin/test_batch.bin"}) {
    const std::string member(700, static_cast<char>(name.size()));
    tar += tar_header(name, member.size()) + member + std::string(512 - member.size() % 512, '\0');
  }
  tar += std::string(1024, '\0');
  write_file(dir, "three_members", gzip(tar));
}

}  // namespace wgan::fuzz

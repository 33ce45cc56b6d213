#include "wgan/fetch/tar_gz.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <set>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"

namespace wgan {
namespace {

constexpr size_t kBlock = 512;
constexpr int64_t kLargestMember = int64_t{1} << 32;  // CIFAR-10's largest is 30 MB

struct GzReader {
  gzFile file;
  std::string path;
  // Exactly `size` bytes, or a UsageError: the archive ends early or is not gzip.
  void read(char* into, size_t size) {
    size_t done = 0;
    while (done < size) {
      const int got = gzread(file, into + done, static_cast<unsigned>(std::min<size_t>(size - done, 1 << 20)));
      if (got <= 0) {
        int code = 0;
        const std::string reason = got < 0 ? gzerror(file, &code) : "it ends early";
        throw UsageError(path + ": not an intact tar.gz archive (" + reason + ")");
      }
      done += static_cast<size_t>(got);
    }
  }
};

// A tar header's number: octal digits, spaces and NULs around them.
int64_t octal(const char* field, size_t size, const std::string& path) {
  int64_t value = 0;
  for (size_t i = 0; i < size && field[i] != '\0'; ++i) {
    if (field[i] == ' ') continue;
    if (field[i] < '0' || field[i] > '7' || value > kLargestMember)
      throw UsageError(path + ": a tar header's size is not an octal number below 4 GiB");
    value = value * 8 + (field[i] - '0');
  }
  return value;
}

std::string header_name(const char* block) {
  const std::string name(block, strnlen(block, 100));
  const std::string prefix(block + 345, strnlen(block + 345, 155));  // ustar's long names
  return prefix.empty() ? name : prefix + "/" + name;
}

}  // namespace

void unpack_members(const std::string& archive, const std::vector<std::string>& members, const std::string& dir) {
  GzReader in{gzopen(archive.c_str(), "rb"), archive};
  if (!in.file) throw RunError("cannot read " + archive + ": " + std::strerror(errno));
  std::set<std::string> wanted(members.begin(), members.end());
  std::filesystem::create_directories(dir);
  char block[kBlock];
  try {
    while (!wanted.empty()) {
      in.read(block, kBlock);
      if (std::all_of(block, block + kBlock, [](char c) { return c == 0; })) break;  // the end
      const std::string name = std::filesystem::path(header_name(block)).filename().string();
      const int64_t size = octal(block + 124, 12, archive);
      const bool regular = block[156] == '0' || block[156] == '\0';
      const auto padded = static_cast<size_t>((size + kBlock - 1) / kBlock * kBlock);
      if (!regular || !wanted.count(name)) {
        for (size_t skipped = 0; skipped < padded; skipped += kBlock) in.read(block, kBlock);
        continue;
      }
      std::string bytes(padded, '\0');
      in.read(bytes.data(), bytes.size());
      bytes.resize(static_cast<size_t>(size));
      write_bytes_atomically(dir + "/" + name, bytes);
      wanted.erase(name);
    }
  } catch (...) {
    gzclose(in.file);
    throw;
  }
  gzclose(in.file);
  if (!wanted.empty()) throw UsageError(archive + ": no member named " + *wanted.begin() + " in the archive");
}

}  // namespace wgan

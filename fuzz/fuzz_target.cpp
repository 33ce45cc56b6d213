// The list of fuzz targets and what they share (fuzz_target.h).
#include "fuzz/fuzz_target.h"

#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "fuzz/targets/targets.h"
#include "wgan/core/error.h"

namespace wgan::fuzz {
namespace fs = std::filesystem;

const std::vector<FuzzTarget>& fuzz_targets() {
  static const std::vector<FuzzTarget> targets = {
      {"idx", "MNIST IDX images and labels, plain or gzip (two parts)", read_idx, write_idx_seeds, 1 << 14},
      {"cifar10", "a CIFAR-10 binary batch", read_cifar10, write_cifar10_seeds, 1 << 14},
      {"image", "an image file (libvips: PNG, JPEG, WebP, GIF, TIFF, BMP) decoded and resized; the first byte "
       "picks the size", read_image, write_image_seeds, 1 << 14},
      {"tar_gz", "a dataset archive as wgan data fetch unpacks it (gzip + ustar)", read_tar_gz, write_tar_gz_seeds,
       1 << 14},
      {"checkpoint_file", "a checkpoint file as it lies on disk (mostly stopped by the checksum)",
       read_checkpoint_file, write_checkpoint_file_seeds, 1 << 16},
      {"checkpoint_archive", "the LibTorch archive inside a checkpoint, given a valid trailer",
       read_checkpoint_archive, write_checkpoint_archive_seeds, 1 << 16},
      {"config", "config.json as a checkpoint carries it, read on resume", read_config, write_config_seeds,
       1 << 13},
      {"points_csv", "wgan distance's CSV points", read_points_csv, write_points_csv_seeds, 1 << 12},
      {"points_pt", "wgan distance's .pt points (a pickled tensor)", read_points_pt, write_points_pt_seeds,
       1 << 13},
      {"feature_network", "a TorchScript feature network for FID/KID, loaded and checked",
       read_feature_network, write_feature_network_seeds, 1 << 16},
  };
  return targets;
}

std::string gzip(const std::string& bytes) {
  uLongf size = compressBound(bytes.size()) + 32;
  std::string out(size, '\0');
  z_stream stream{};
  deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // 15 + 16: a gzip wrapper
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

const FuzzTarget& fuzz_target(const std::string& name) {
  std::string names;
  for (const auto& target : fuzz_targets()) {
    if (name == target.name) return target;
    names += (names.empty() ? "" : ", ") + std::string(target.name);
  }
  throw std::invalid_argument("no fuzz target '" + name + "'; expected one of " + names);
}

bool read_input(const FuzzTarget& target, std::string_view input) {
  try {
    target.read(input);
    return true;
  } catch (const UsageError& e) {
    static const bool verbose = std::getenv("WGAN_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "refused: %s\n", e.what());
    return false;  // refused, as a bad input should be
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz target %s: not a UsageError but %s\n", target.name, e.what());
    std::abort();
  }
}

// Removed when the process exits (its destructor runs with the other statics').
struct ScratchDir {
  std::string path;
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const std::string& scratch_dir() {
  static const ScratchDir dir{[] {
    const char* tmp = std::getenv("TMPDIR");
    const fs::path path = fs::path(tmp && *tmp ? tmp : "/tmp") / ("wgan-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(path);
    return path.string();
  }()};
  return dir.path;
}

void write_file(const std::string& dir, const std::string& name, std::string_view bytes) {
  fs::create_directories(dir);
  std::ofstream out(fs::path(dir) / name, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + (fs::path(dir) / name).string());
}

std::string write_scratch(const std::string& name, std::string_view bytes) {
  write_file(scratch_dir(), name, bytes);
  return (fs::path(scratch_dir()) / name).string();
}

std::vector<std::string_view> split_parts(std::string_view input, size_t parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < parts) {
    const size_t at = input.find(kPartSeparator);
    if (at == std::string_view::npos) break;
    out.push_back(input.substr(0, at));
    input.remove_prefix(at + kPartSeparator.size());
  }
  out.push_back(input);
  out.resize(parts);
  return out;
}

std::string join_parts(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(kPartSeparator) : "") + parts[i];
  return out;
}

}  // namespace wgan::fuzz

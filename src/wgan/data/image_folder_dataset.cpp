// Image folders (CelebA, Pokemon, LSUN exports): every image file below a directory, decoded by
// libvips (image_decoder.h).
// Decoding is the slow part (minutes for 200,000 JPEGs on two cores), so the decoded, resized
// tensor is cached under a name derived from the file list and the transform.
#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/hash.h"
#include "wgan/core/memory.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/image_decoder.h"
#include "wgan/data/image_transform.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

struct FolderListing {
  std::vector<fs::path> images;  // sorted
  int64_t skipped = 0;           // files that are not images (image_file_extensions)
  uint64_t key = 0;              // of the names, sizes and modification times
};

bool has_image_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto& known = image_file_extensions();
  return std::find(known.begin(), known.end(), ext) != known.end();
}

FolderListing list_folder(const std::string& dir) {
  if (!fs::is_directory(dir))
    throw OptionError("data", "not a directory; expected a folder of images", dir);
  FolderListing listing;
  std::error_code ec;
  // Directory links are followed, each real directory once: a link back up (a loop) would
  // otherwise list the same images again at every level until the path is too long.
  std::set<fs::path> visited = {fs::canonical(dir, ec)};
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code entry_ec;
    if (it->is_directory(entry_ec)) {
      if (!visited.insert(fs::canonical(it->path(), entry_ec)).second) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(entry_ec)) continue;
    if (has_image_extension(it->path()))
      listing.images.push_back(it->path());
    else
      ++listing.skipped;
  }
  if (ec) throw OptionError("data", "cannot list (" + ec.message() + ")", dir);
  std::sort(listing.images.begin(), listing.images.end());
  uint64_t h = fnv1a64("wgan-folder-v1");
  for (const auto& path : listing.images) {
    const auto relative = fs::relative(path, dir, ec).string();
    const auto size = fs::file_size(path, ec);
    const auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
    h = fnv1a64(relative + "|" + std::to_string(size) + "|" + std::to_string(mtime) + "\n", h);
  }
  listing.key = h;
  return listing;
}

// One decoded, resized image [C, size, size]; throws naming the file if it does not decode.
// Decoded as RGB and then converted, as torchvision's convert("RGB") then Grayscale would, so
// that grey comes from one luma formula for every format.
torch::Tensor decode_image(const fs::path& path, int64_t size, int64_t channels, int64_t max_pixels) {
  const torch::Tensor rgb = decode_resized_rgb(path.string(), size, max_pixels);
  return channels == 3 ? rgb : convert_channels(rgb.unsqueeze(0), channels).squeeze(0);
}

std::string cache_path(const std::string& cache_dir, uint64_t key, int64_t size, int64_t channels) {
  char name[96];
  // "v3": decoded and resized by libvips (caches of the earlier decoders are not reused).
  std::snprintf(name, sizeof name, "folder-v3-%016llx-%lldx%lldx%lld.pt",
                static_cast<unsigned long long>(key), static_cast<long long>(channels),
                static_cast<long long>(size), static_cast<long long>(size));
  return (fs::path(cache_dir) / name).string();
}

torch::Tensor read_cache(const std::string& path, int64_t n, int64_t size, int64_t channels) {
  if (!fs::is_regular_file(path)) return {};
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::Tensor images;
    archive.read("images", images);
    if (images.scalar_type() == torch::kUInt8 && images.dim() == 4 && images.size(0) == n &&
        images.size(1) == channels && images.size(2) == size && images.size(3) == size)
      return images;
  } catch (const std::exception&) {
  }
  return {};  // unreadable or stale: decode again
}

}  // namespace

ImageDataset load_image_folder(const std::string& dir, const FolderOptions& options) {
  const LoadLog log = options.log ? options.log : [](const std::string&) {};
  const FolderListing listing = list_folder(dir);
  const int64_t n = static_cast<int64_t>(listing.images.size());
  if (n == 0)
    throw OptionError("data",
                      std::string("no ") + kImageFormats + " images below it (" + std::to_string(listing.skipped) +
                          " other files); expected a folder of images",
                      dir);
  if (listing.skipped > 0)
    log("skipped " + std::to_string(listing.skipped) + " files below " + dir +
        " that are not " + kImageFormats + " images");

  ImageDataset data;
  data.description = std::to_string(n) + " images from " + dir;
  const std::string cache =
      options.cache_dir.empty() ? "" : cache_path(options.cache_dir, listing.key, options.image_size, options.channels);
  if (!cache.empty()) {
    data.images = read_cache(cache, n, options.image_size, options.channels);
    if (data.images.defined()) {
      log("loaded " + std::to_string(n) + " decoded images from the cache " + cache);
      return data;
    }
  }

  require_memory(static_cast<double>(n) * static_cast<double>(options.channels) * static_cast<double>(options.image_size) *
                     static_cast<double>(options.image_size),
                 std::to_string(n) + " images of " + std::to_string(options.image_size) + "x" +
                     std::to_string(options.image_size) + " decoded");
  data.images = torch::empty({n, options.channels, options.image_size, options.image_size}, torch::kUInt8);
  const auto start = std::chrono::steady_clock::now();
  auto last_report = start;
  const int64_t block = 1024;
  for (int64_t first = 0; first < n; first += block) {
    const int64_t last = std::min(n, first + block);
    std::vector<std::string> errors(static_cast<size_t>(last - first));
    at::parallel_for(first, last, 8, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) {
        try {
          data.images[i].copy_(decode_image(listing.images[i], options.image_size, options.channels, options.max_pixels));
        } catch (const std::exception& e) {
          errors[static_cast<size_t>(i - first)] = e.what();
        }
      }
    });
    for (const auto& error : errors)
      if (!error.empty()) throw UsageError(error);
    const auto now = std::chrono::steady_clock::now();
    if (n > block && (now - last_report > std::chrono::seconds(2) || last == n)) {
      const double seconds = std::chrono::duration<double>(now - start).count();
      char line[128];
      std::snprintf(line, sizeof line, "decoded %lld/%lld images (%.0f s, %.0f images/s)",
                    static_cast<long long>(last), static_cast<long long>(n), seconds,
                    last / std::max(seconds, 1e-9));
      log(line);
      last_report = now;
    }
  }
  if (!cache.empty()) {
    try {
      fs::create_directories(options.cache_dir);
      write_atomically(cache, [&](const std::string& tmp) {
        torch::serialize::OutputArchive archive;
        archive.write("images", data.images);
        archive.save_to(tmp);
      });
      log("cached the decoded images in " + cache);
    } catch (const std::exception& e) {
      log(std::string("could not write the image cache (") + e.what() + "); continuing without it");
    }
  }
  return data;
}

}  // namespace wgan

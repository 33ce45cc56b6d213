#include "wgan/fetch/fetch_dataset.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/data/dataset_sources.h"
#include "wgan/fetch/checksum.h"
#include "wgan/fetch/download.h"
#include "wgan/fetch/tar_gz.h"

namespace wgan {
namespace {

namespace fs = std::filesystem;

const DatasetSource& source_of(const std::string& dataset) {
  if (const DatasetSource* source = find_dataset_source(dataset)) return *source;
  std::string names;
  for (const auto& s : dataset_sources()) names += (names.empty() ? "" : ", ") + s.dataset;
  throw UsageError("data fetch " + dataset + ": unknown dataset; expected one of " + names);
}

// WGAN_FETCH_SUMS: lines "<md5>  <file name>", as md5sum writes them.
std::map<std::string, std::string> replaced_sums() {
  std::map<std::string, std::string> sums;
  const char* path = std::getenv("WGAN_FETCH_SUMS");
  if (!path || !*path) return sums;
  std::ifstream in(path);
  if (!in) throw UsageError(std::string("WGAN_FETCH_SUMS ") + path + ": cannot be read");
  std::string md5, name;
  while (in >> md5 >> name) sums[name.rfind('*', 0) == 0 ? name.substr(1) : name] = md5;
  return sums;
}

std::string with_slash(std::string url) {
  if (!url.empty() && url.back() != '/') url += '/';
  return url;
}

// "\r  name  3.2 / 9.9 MB  32 %", at most five times a second.
DownloadProgress progress_line(const std::string& name, bool enabled) {
  if (!enabled) return {};
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [name, last](int64_t done, int64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (now - *last < std::chrono::milliseconds(200) && done != total) return;
    *last = now;
    if (total > 0)
      std::fprintf(stderr, "\r  %s  %.1f / %.1f MB  %3.0f %%", name.c_str(), done / 1e6, total / 1e6,
                   100.0 * done / total);
    else
      std::fprintf(stderr, "\r  %s  %.1f MB", name.c_str(), done / 1e6);
    std::fflush(stderr);
  };
}

bool wanted(const SourceFile& file, Split split) {
  return split == Split::kAll || file.split == Split::kAll || file.split == split;
}

void fetch_file(const SourceFile& file, const std::string& expected, const std::string& url, const std::string& dir,
                bool bar, std::ostream& log) {
  const std::string final_path = dir + "/" + file.name;
  if (fs::exists(final_path)) {
    const std::string md5 = md5_of_file(final_path);
    if (md5 != expected)
      throw UsageError(final_path + ": already there with MD5 " + md5 + ", expected " + expected +
                       "; remove it to fetch it again");
    log << file.name << ": already there, MD5 verified\n";
    return;
  }
  const std::string partial = final_path + ".part";
  log << file.name << ": " << (fs::exists(partial) ? "continuing " : "downloading ") << url << std::endl;
  try {
    download_to(url, partial, progress_line(file.name, bar));
  } catch (...) {
    if (bar) std::fprintf(stderr, "\n");  // the error's line below the progress line
    throw;
  }
  if (bar) std::fprintf(stderr, "\n");
  const std::string md5 = md5_of_file(partial);
  if (md5 != expected) {
    fs::remove(partial);
    throw UsageError(file.name + " from " + url + ": MD5 " + md5 + ", expected " + expected +
                     "; the download was deleted");
  }
  rename_durably(partial, final_path);  // the final name only once verified, and on the disk
  log << file.name << ": MD5 " << md5 << " verified" << std::endl;
}

bool unpacked(const DatasetSource& source, const std::string& dir) {
  for (const auto& member : source.members)
    if (!fs::exists(dir + "/" + source.unpack_dir + "/" + member)) return false;
  return true;
}

}  // namespace

std::string fetch_dataset(const FetchOptions& options, std::ostream& log) {
  const DatasetSource& source = source_of(options.dataset);
  if (options.split == Split::kAuto) throw UsageError("data fetch --split auto: expected train, test or all");
  const std::string dir = options.to.empty() ? default_data_dir(options.dataset) : options.to;
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || access(dir.c_str(), W_OK) != 0)
    throw UsageError("data fetch --to " + dir + ": cannot write there (" +
                     (error ? error.message() : std::string("permission denied")) + ")");
  const std::map<std::string, std::string> sums = replaced_sums();
  const std::string base = with_slash(options.mirror.empty() ? source.base_url : options.mirror);
  for (const SourceFile& file : source.files) {
    if (!wanted(file, options.split)) continue;
    const auto replaced = sums.find(file.name);
    const std::string expected = replaced != sums.end() ? replaced->second : file.md5;
    fetch_file(file, expected, base + file.name, dir, options.progress_bar, log);
    if (source.unpack_dir.empty() || unpacked(source, dir)) continue;
    unpack_members(dir + "/" + file.name, source.members, dir + "/" + source.unpack_dir);
    log << file.name << ": unpacked into " << dir << "/" << source.unpack_dir << std::endl;
  }
  return dir;
}

}  // namespace wgan

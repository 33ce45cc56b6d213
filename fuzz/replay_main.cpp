// wgan_fuzz_replay: runs inputs through a fuzz target without libFuzzer, in any build. The
// tests replay each target's seed corpus (fuzz/corpus/<target>) and every input that ever
// failed (fuzz/crashes/<target>) with it; `--seeds DIR` writes the seed corpora.
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_target.h"

namespace fs = std::filesystem;
using namespace wgan::fuzz;

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: wgan_fuzz_replay TARGET PATH...  each file (or every file below a directory) through TARGET\n"
               "       wgan_fuzz_replay --all FUZZ_DIR  every target's corpus/<target> and crashes/<target>\n"
               "       wgan_fuzz_replay --seeds DIR     every target's seed corpus into DIR/<target>/\n"
               "       wgan_fuzz_replay --list          the targets\n");
  return 2;
}

std::vector<fs::path> files_below(const fs::path& path) {
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
  } else if (fs::exists(path)) {
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Each file below `paths` through `target`, `repeats` times over.
size_t replay(const FuzzTarget& target, const std::vector<fs::path>& paths, int repeats = 1,
              const std::string& what = "") {
  size_t replayed = 0, read = 0;
  for (const auto& path : paths)
    for (const auto& file : files_below(path)) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::fprintf(stderr, "%s\n", file.c_str());  // the input a crash happened on
      for (int i = 0; i < repeats; ++i) {
        read += read_input(target, bytes);
        ++replayed;
      }
    }
  std::printf("%-20s %-13s %4zu inputs: %zu read, %zu refused with one clear line\n", target.name, what.c_str(), replayed,
              read, replayed - read);
  return replayed;
}

// Every target's corpus (which must not be empty) and crashes; a folder that names no target
// is an error too, so the corpora and the list of targets cannot drift apart. Past crashes are
// replayed several times: some crashed LibTorch's reader only now and then, as its heap lay.
constexpr int kCrashRepeats = 8;

int replay_all(const fs::path& fuzz_dir) {
  for (const char* kind : {"corpus", "crashes"})
    if (fs::is_directory(fuzz_dir / kind))
      for (const auto& entry : fs::directory_iterator(fuzz_dir / kind))
        fuzz_target(entry.path().filename().string());
  for (const auto& target : fuzz_targets()) {
    const fs::path corpus = fuzz_dir / "corpus" / target.name;
    if (files_below(corpus).empty()) {
      std::fprintf(stderr, "wgan_fuzz_replay: %s is empty; expected the seeds of %s\n", corpus.c_str(), target.name);
      return 1;
    }
    replay(target, {corpus}, 1, "corpus");
    replay(target, {fuzz_dir / "crashes" / target.name}, kCrashRepeats, "crashes x" + std::to_string(kCrashRepeats));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  at::set_num_threads(1);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 1 && args[0] == "--list") {
      for (const auto& target : fuzz_targets()) std::printf("%-20s %s\n", target.name, target.description);
      return 0;
    }
    if (args.size() == 2 && args[0] == "--seeds") {
      for (const auto& target : fuzz_targets()) {
        target.write_seeds((fs::path(args[1]) / target.name).string());
        std::printf("%s: %zu seeds\n", target.name, files_below(fs::path(args[1]) / target.name).size());
      }
      return 0;
    }
    if (args.size() == 2 && args[0] == "--all") return replay_all(args[1]);
    if (args.size() < 2) return usage();
    const std::vector<fs::path> paths(args.begin() + 1, args.end());
    return replay(fuzz_target(args[0]), paths) > 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wgan_fuzz_replay: %s\n", e.what());
    return 2;
  }
}

// The folders of src/wgan/ are layers, and an include may only point down (or within its own
// folder): nothing below train/ knows a training run, nothing below cli/ a command line. This
// reads every source file's #include "wgan/..." lines and holds them to the order below.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

namespace {

namespace fs = std::filesystem;

// Lower numbers lie lower; a folder may include its own and lower-numbered ones only.
const std::map<std::string, int> kLayers = {
    {"core", 0},        {"data", 1},       {"nets", 1}, {"eval", 1},  {"tensorboard", 1},
    {"distributed", 1}, {"objectives", 2}, {"viz", 2},  {"fetch", 2}, {"config", 3},
    {"classifier", 3},  {"train", 4},      {"run", 5},  {"cli", 6},
};

TEST(Layering, EveryIncludePointsDown) {
  const fs::path root = fs::path(WGAN_SOURCE_DIR) / "src" / "wgan";
  const std::regex include(R"(^#include "wgan/([a-z_]+)/)");
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const fs::path relative = fs::relative(entry.path(), root);
    if (relative.begin() == relative.end() || std::next(relative.begin()) == relative.end()) continue;  // wgan.h, pch.h
    const std::string folder = relative.begin()->string();
    ASSERT_TRUE(kLayers.count(folder)) << "src/wgan/" << folder << " is in no layer: add it to kLayers";
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
      if (!std::regex_search(line, m, include)) continue;
      const std::string target = m[1];
      ASSERT_TRUE(kLayers.count(target)) << relative << " includes an unknown folder: " << line;
      EXPECT_TRUE(target == folder || kLayers.at(target) < kLayers.at(folder))
          << relative << " (" << folder << ") includes upwards: " << line;
    }
  }
  EXPECT_GT(files, 100);
}

}  // namespace

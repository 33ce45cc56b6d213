// wgan_fuzz: the fuzz targets under libFuzzer (clang, -DWGAN_FUZZ=ON). The target is named by
// the environment, since libFuzzer owns the command line:
//   WGAN_FUZZ_TARGET=idx build-fuzz/wgan_fuzz fuzz/corpus/idx -max_total_time=600
// bench/fuzz.sh runs every target this way.
#include <ATen/Parallel.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <exception>

#include "fuzz/fuzz_target.h"

namespace {
const wgan::fuzz::FuzzTarget* target = nullptr;
}

// Picks the target, and gives libFuzzer the target's -max_len unless the command line does.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  at::set_num_threads(1);
  const char* name = std::getenv("WGAN_FUZZ_TARGET");
  try {
    target = &wgan::fuzz::fuzz_target(name ? name : "");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "WGAN_FUZZ_TARGET: %s\n", e.what());
    std::exit(2);
  }
  static std::vector<std::string> storage;
  static std::vector<char*> args;
  bool has_max_len = false;
  for (int i = 0; i < *argc; ++i) {
    args.push_back((*argv)[i]);
    has_max_len = has_max_len || std::strncmp((*argv)[i], "-max_len=", 9) == 0;
  }
  if (!has_max_len) {
    storage.push_back("-max_len=" + std::to_string(target->max_len));
    args.insert(args.begin() + 1, storage.back().data());
  }
  args.push_back(nullptr);
  *argc = static_cast<int>(args.size()) - 1;
  *argv = args.data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)wgan::fuzz::read_input(*target, {reinterpret_cast<const char*>(data), size});
  return 0;
}

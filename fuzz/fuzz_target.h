// Fuzz targets: each parser of outside data (docs/reliability.md) fed arbitrary bytes.
//
// The contract a target checks is the one every reader of outside data keeps: a bad input ends
// in a UsageError (one clear line, exit status 2), a good one is read. Anything else — another
// exception, an abort, a crash, a hang, a sanitizer's report — is a finding. The same targets
// run under libFuzzer (wgan_fuzz, a clang build: bench/fuzz.sh) and as a regression test that
// replays the seed corpus and every input that ever failed (wgan_fuzz_replay, every build).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wgan::fuzz {

struct FuzzTarget {
  const char* name;         // fuzz/corpus/<name>, fuzz/crashes/<name>
  const char* description;  // what the bytes are read as
  void (*read)(std::string_view input);     // reads the input as the product does
  void (*write_seeds)(const std::string& dir);  // a few valid inputs, made by the product's writers
  size_t max_len;           // the longest input worth trying (libFuzzer's -max_len)
};

// Every target, the one list bench/fuzz.sh, the tests and the corpora follow.
const std::vector<FuzzTarget>& fuzz_targets();
// The target called `name`; std::invalid_argument listing the names otherwise.
const FuzzTarget& fuzz_target(const std::string& name);

// Runs target.read on one input, keeping the contract: returns whether the input was read
// (true) or refused with a UsageError (false; its message is printed when WGAN_FUZZ_VERBOSE
// is set); aborts (a finding) on any other exception.
bool read_input(const FuzzTarget& target, std::string_view input);

// --- helpers for the targets ---

// A directory of this process for the files a target writes its input into (under $TMPDIR,
// removed at exit).
const std::string& scratch_dir();
// Writes bytes to scratch_dir()/name and returns the path.
std::string write_scratch(const std::string& name, std::string_view bytes);
// Writes bytes to dir/name, making dir.
void write_file(const std::string& dir, const std::string& name, std::string_view bytes);
// `bytes` gzip-compressed (zlib), for the seeds of the readers of .gz files.
std::string gzip(const std::string& bytes);

// An input of several files: the parts separated by kPartSeparator (seeds are written with
// join_parts). Missing parts are empty.
inline constexpr std::string_view kPartSeparator = "\n--wgan-fuzz-part--\n";
std::vector<std::string_view> split_parts(std::string_view input, size_t parts);
std::string join_parts(const std::vector<std::string>& parts);

}  // namespace wgan::fuzz

// Reading a file with a reader that may crash on a malformed one. LibTorch 1.13's archive and
// TorchScript importers (torch::jit::load, behind checkpoints, feature networks and .pt files)
// dereference bad pointers on some crafted files — found by fuzzing, not fixable here — so such
// reads are tried first in a child process: a crash there becomes one clear line, exit 2.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace wgan {

// Runs `read` in a forked child process (one thread, its result discarded) and returns what
// went wrong if it crashed, did not finish within two minutes, or ran out of the
// `memory_bytes` it may take beyond what the process holds (0: no limit; a 38 KB archive found
// by fuzzing made LibTorch allocate 4 GB) — "malformed; LibTorch's reader crashed on it
// (Segmentation fault, in a separate process)" — for the caller to say with the file's name.
// Returns "" otherwise (also when no child can be started): the caller then reads for real
// and meets any ordinary error in its own read.
std::string read_crash_in_child(const std::function<void()>& read, int64_t memory_bytes);

// The same, as a UsageError "FILE: <what went wrong>; expected a file written by wgan or PyTorch".
void check_read_in_child(const std::string& file, const std::function<void()>& read, int64_t memory_bytes);

// What reading a file of `file_bytes` may take: the file a few times over, and room to work.
inline int64_t reading_memory(int64_t file_bytes) { return (int64_t{1} << 30) + 4 * file_bytes; }

}  // namespace wgan

// Reading a file with a reader that may crash on a malformed one. LibTorch 1.13's archive and
// TorchScript importers (torch::jit::load, behind checkpoints, feature networks and .pt files)
// dereference bad pointers on some crafted files — found by fuzzing, not fixable here — and on
// some of them only now and then, as the heap happens to lie. So such a file is read only in a
// child process, which hands back what LibTorch's own writer makes of it: the caller reads those
// bytes, never the file's, and a crash in the child is one clear line, exit 2.
#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace wgan {

// The child crashed, ran past two minutes, or asked for more memory than it may take; what():
// "malformed; LibTorch's reader crashed on it (Segmentation fault, in a separate process)",
// for the caller to say with the file's name.
struct ReaderCrashed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What `rewrite` returns, run in a forked child process (one thread) that may take
// `memory_bytes` beyond what the process holds (0: no limit; a 38 KB archive found by fuzzing
// made LibTorch allocate 4 GB). Throws ReaderCrashed as above, or std::runtime_error with the
// message of what `rewrite` threw. Where no child can be started, runs `rewrite` here.
std::string rewrite_in_child(const std::function<std::string()>& rewrite, int64_t memory_bytes);

// Whether the memory limit above holds: not under AddressSanitizer, which reserves terabytes of
// address space.
bool child_memory_can_be_limited();

// Untrusted bytes of a TorchScript archive (torch.jit.save, torch::serialize::OutputArchive),
// loaded in a child and saved again there by LibTorch's own writer.
std::string resaved_torchscript(const std::string& bytes);

// Untrusted bytes of a pickled value (torch.save of a tensor), loaded in a child and pickled
// again there.
std::string repickled(const std::string& bytes);

// What reading a file of `file_bytes` may take: the file a few times over, and room to work.
inline int64_t reading_memory(int64_t file_bytes) { return (int64_t{1} << 30) + 4 * file_bytes; }

}  // namespace wgan

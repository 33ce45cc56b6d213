// Threads and device, resolved from the configuration.
#pragma once
#include <c10/core/Device.h>

#include <string>

namespace wgan {

// Sets LibTorch's intra-op threads (0 = all cores) and returns the number in use. Debian's
// LibTorch starts with one thread, so this is always called.
int64_t configure_threads(int64_t requested);

// Tells glibc's malloc to keep freed memory for reuse instead of returning it to the system
// (a raised mmap threshold and no trimming of the heap). Each training step allocates and frees
// the same activation-sized buffers; returned to the system, every one of them is page-faulted
// in again on the next step: 3 million page faults and 8-12 % of a 64x64 WGAN-GP step
// (docs/performance.md). Left alone when MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ is set
// (the user's choice) and on other C libraries. Returns whether it changed anything.
bool keep_freed_memory();

// "cpu", "cuda", "cuda:N" or "auto"; UsageError when CUDA is asked for but absent.
c10::Device resolve_device(const std::string& name);

// The device of data-parallel rank `rank`: for "cuda" and "auto" on a CUDA machine, GPU
// rank mod (GPUs present), so that --nproc N on an N-GPU machine gives each rank its own;
// otherwise resolve_device(name).
c10::Device resolve_device_for_rank(const std::string& name, int64_t rank);

}  // namespace wgan

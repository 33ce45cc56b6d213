// Threads and device, resolved from the configuration.
#pragma once
#include <c10/core/Device.h>

#include <string>

namespace wgan {

// Sets LibTorch's intra-op threads (0 = all cores) and returns the number in use. Debian's
// LibTorch starts with one thread, so this is always called.
int64_t configure_threads(int64_t requested);

// "cpu", "cuda", "cuda:N" or "auto"; UsageError when CUDA is asked for but absent.
c10::Device resolve_device(const std::string& name);

// The device of data-parallel rank `rank`: for "cuda" and "auto" on a CUDA machine, GPU
// rank mod (GPUs present), so that --nproc N on an N-GPU machine gives each rank its own;
// otherwise resolve_device(name).
c10::Device resolve_device_for_rank(const std::string& name, int64_t rank);

}  // namespace wgan

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

}  // namespace wgan

#include "wgan/run/runtime.h"

#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <torch/cuda.h>

#include <cstdlib>
#include <limits>
#include <optional>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "wgan/config/config.h"
#include "wgan/core/error.h"

namespace wgan {

int64_t configure_threads(int64_t requested) {
  int64_t threads = requested;
  if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());
  torch::set_num_threads(static_cast<int>(threads));
  return threads;
}

bool keep_freed_memory() {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_")) return false;
  // Up to 1 GiB per allocation from the heap (glibc's default: above 128 KiB, its own mapping,
  // unmapped on free); the heap's free top is never handed back.
  const bool mmap_set = mallopt(M_MMAP_THRESHOLD, 1 << 30) == 1;
  const bool trim_set = mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max()) == 1;
  return mmap_set && trim_set;
#else
  return false;
#endif
}

// LibTorch's own reading of a device's text ("cpu", "cuda", "cuda:1"), or nothing.
std::optional<c10::Device> parse_device(const std::string& name) {
  try {
    return c10::Device(name);
  } catch (const c10::Error&) {
    return std::nullopt;
  }
}

c10::Device resolve_device(const std::string& name) {
  if (name == kAuto) return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  const std::optional<c10::Device> device = parse_device(name);
  if (device && device->is_cpu()) return *device;
  if (device && device->is_cuda()) {
    if (!torch::cuda::is_available())
      // Built with CUDA when libtorch_cuda registered its device guard (the PyPI wheel's LibTorch).
      throw OptionError(
          "device",
          c10::impl::hasDeviceGuardImpl(c10::DeviceType::CUDA)
              ? "this LibTorch has CUDA but sees no GPU; expected cpu or auto"
              : "this LibTorch was built without CUDA (docs/development.md: LibTorch 2.x); expected cpu or auto",
          name);
    return *device;
  }
  throw OptionError("device", "unknown device '" + name + "'; expected cpu, cuda, cuda:N or auto");
}

c10::Device resolve_device_for_rank(const std::string& name, int64_t rank) {
  const c10::Device device = resolve_device(name);
  // "cuda" and "auto" name no GPU: each rank takes its own; "cuda:N" is what it says.
  if (!device.is_cuda() || (name != kAuto && parse_device(name)->has_index())) return device;
  const int64_t gpus = static_cast<int64_t>(torch::cuda::device_count());
  return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(rank % std::max<int64_t>(gpus, 1)));
}

}  // namespace wgan

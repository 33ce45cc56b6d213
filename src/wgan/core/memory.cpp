#include "wgan/core/memory.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "wgan/core/error.h"

namespace wgan {

uint64_t available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  uint64_t value = 0;
  std::string unit;
  while (meminfo >> key >> value >> unit)
    if (key == "MemAvailable:") return value * 1024;
  return 0;
}

std::string format_bytes(double bytes) {
  char text[32];
  if (bytes >= 1e9)
    std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
  else
    std::snprintf(text, sizeof text, "%.0f MB", bytes / 1e6);
  return text;
}

void require_memory(double bytes, const std::string& what) {
  const uint64_t available = available_memory_bytes();
  if (available > 0 && bytes > static_cast<double>(available))
    throw UsageError(what + " needs about " + format_bytes(bytes) + "; this machine has " +
                     format_bytes(static_cast<double>(available)) + " available; expected less");
}

}  // namespace wgan

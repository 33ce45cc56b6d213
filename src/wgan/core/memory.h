// How much memory a piece of work will need, checked before it starts: a size that cannot fit
// is one clear line, not the allocator's text after minutes of swapping.
#pragma once
#include <cstdint>
#include <string>

namespace wgan {

// MemAvailable of /proc/meminfo (what can be allocated without swapping), in bytes; 0 when
// unknown.
uint64_t available_memory_bytes();

// "1.6 GB", "350 MB".
std::string format_bytes(double bytes);

// UsageError "<what> needs about X; this machine has Y available" when `bytes` exceeds what is
// available (`what` names the values that asked for it).
void require_memory(double bytes, const std::string& what);

}  // namespace wgan

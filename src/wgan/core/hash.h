// FNV-1a, 64 bits: a fast non-cryptographic hash for checksums and cache keys.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace wgan {

inline uint64_t fnv1a64(const char* data, size_t size, uint64_t h = 0xcbf29ce484222325ULL) {
  for (size_t i = 0; i < size; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline uint64_t fnv1a64(const std::string& text, uint64_t h = 0xcbf29ce484222325ULL) {
  return fnv1a64(text.data(), text.size(), h);
}

}  // namespace wgan

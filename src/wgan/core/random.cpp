#include "wgan/core/random.h"

#include <ATen/CPUGeneratorImpl.h>

namespace wgan {
namespace {

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

uint64_t derive_seed(uint64_t seed, Stream stream, uint64_t a, uint64_t b) {
  uint64_t h = splitmix64(seed);
  h = splitmix64(h ^ static_cast<uint64_t>(stream));
  h = splitmix64(h ^ a);
  h = splitmix64(h ^ b);
  return h;
}

at::Generator make_generator(uint64_t seed, Stream stream, uint64_t a, uint64_t b) {
  return at::detail::createCPUGenerator(derive_seed(seed, stream, a, b));
}

}  // namespace wgan

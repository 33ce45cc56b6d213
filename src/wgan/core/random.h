// Reproducible randomness. Every random draw of a run comes from its own generator whose seed
// is derived from (run seed, stream, index...), never from a shared stateful generator. A draw
// can therefore be repeated for any iteration on its own: resume needs no saved RNG stream
// position for these draws, and data-parallel ranks can slice one global draw identically.
#pragma once
#include <ATen/core/Generator.h>
#include <c10/core/TensorOptions.h>

#include <cstdint>

namespace wgan {

// What a random draw is for; each gets an independent family of seeds.
enum class Stream : uint64_t {
  kInit = 1,        // network weights
  kRealBatch = 2,   // fresh toy samples per critic step
  kCriticNoise = 3, // noise for the fake batch of a critic step
  kGeneratorNoise = 4,
  kInterpolation = 5,  // per-sample alpha of the gradient penalty
  kFixedNoise = 6,     // noise for sample grids and snapshots
  kEvaluation = 7,     // samples drawn for metrics
  kShuffle = 8,        // epoch permutations of a finite data set
  kDataset = 9,        // a finite toy data set
  kAugment = 10,       // differentiable augmentation's per-sample values
};

// SplitMix64-style mixing of the run seed with a stream and up to two indices.
uint64_t derive_seed(uint64_t seed, Stream stream, uint64_t a = 0, uint64_t b = 0);

// A CPU generator with that derived seed. Draws are made on the CPU and then moved to the
// training device, so the numbers do not depend on the device.
at::Generator make_generator(uint64_t seed, Stream stream, uint64_t a = 0, uint64_t b = 0);

// The options of such a draw: on the CPU on purpose (named, so that the device-readiness test,
// which refuses tensors made on the CPU by default inside a training step, tells it apart).
inline c10::TensorOptions draw_options(c10::ScalarType type = c10::kFloat) {
  return c10::TensorOptions().dtype(type).device(c10::kCPU);
}

}  // namespace wgan

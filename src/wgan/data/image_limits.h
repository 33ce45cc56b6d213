// Limits on the images a loader accepts, in a header of its own so that the training
// configuration can name them without pulling in LibTorch.
#pragma once
#include <cstdint>

namespace wgan {

// Larger images are refused before they are decoded (a small PNG can claim 16000x16000 pixels,
// 768 MB decoded).
constexpr int64_t kDefaultMaxImagePixels = 50'000'000;

}  // namespace wgan

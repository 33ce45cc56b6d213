// The layers that compute the same thing as torch::nn's faster (transposed_convolution.h,
// piecewise_linear.h) switch back to torch::nn's own computation here: --no-fast-paths, and
// the tests that compare the two.
#pragma once

namespace torch::nn {
class Module;
}

namespace wgan {

// Sets every such layer in `root` (and below) to its fast or its torch::nn computation.
void set_fast_layers(torch::nn::Module& root, bool enabled);

}  // namespace wgan

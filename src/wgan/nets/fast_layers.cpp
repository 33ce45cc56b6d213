#include "wgan/nets/fast_layers.h"

#include "wgan/nets/piecewise_linear.h"
#include "wgan/nets/transposed_convolution.h"

namespace wgan {
namespace {

void set_fast_layer(torch::nn::Module& m, bool enabled) {
  if (auto* conv = dynamic_cast<TransposedConv2dImpl*>(&m)) conv->convolution_route = enabled;
  if (auto* relu = dynamic_cast<PiecewiseReLUImpl*>(&m)) relu->constant_mask = enabled;
  if (auto* leaky = dynamic_cast<PiecewiseLeakyReLUImpl*>(&m)) leaky->constant_mask = enabled;
}

}  // namespace

void set_fast_layers(torch::nn::Module& root, bool enabled) {
  set_fast_layer(root, enabled);
  // Not modules(): that needs the root held in a shared_ptr.
  for (const auto& m : root.modules(/*include_self=*/false)) set_fast_layer(*m, enabled);
}

}  // namespace wgan

// A transposed convolution that is torch::nn::ConvTranspose2d (same options, parameters and
// checkpoint names) but, on the CPU in float32 (and in bfloat16 under autocast), runs on
// oneDNN's ordinary convolution kernels.
//
// Why: LibTorch 1.13 computes a float32 transposed convolution on the CPU with
// slow_conv_transpose2d, an im2col/GEMM loop over the batch, one sample at a time. A transposed
// convolution is exactly the input gradient of the ordinary convolution with the same weight,
// which oneDNN computes for the whole batch at once; its own gradients are an ordinary
// convolution (input) and the ordinary convolution's weight gradient. Same arithmetic, 2-4x
// faster for the generators here (docs/performance.md).
#pragma once
#include <torch/nn/modules/conv.h>

namespace wgan {

class TransposedConv2dImpl : public torch::nn::ConvTranspose2dImpl {
 public:
  using ConvTranspose2dImpl::ConvTranspose2dImpl;

  // The same signature as ConvTranspose2dImpl::forward, whose default argument Sequential uses.
  torch::Tensor forward(const torch::Tensor& input,
                        const c10::optional<at::IntArrayRef>& output_size = c10::nullopt);

  // Whether forward(input) takes the convolution-kernel route (otherwise it is LibTorch's own).
  bool takes_convolution_route(const torch::Tensor& input) const;

  // Off: always LibTorch's own computation (--no-fast-paths).
  bool convolution_route = true;

 private:
  // The type the route computes `input` in, or none when LibTorch's own computation is taken.
  c10::optional<c10::ScalarType> route_type(const torch::Tensor& input) const;
};
TORCH_MODULE(TransposedConv2d);

}  // namespace wgan

#include "wgan/nets/transposed_convolution.h"

#include <ATen/ops/convolution_backward.h>
#include <torch/autograd.h>

#include "wgan/nets/autocast.h"
#include "wgan/nets/variant_compat.h"

namespace wgan {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// oneDNN's input-gradient kernel is slow when the transposed convolution makes very few
// channels (the RGB output layer: 2x slower than slow_conv_transpose2d, measured); from this
// many output channels on it is faster in every layer measured.
constexpr int64_t kMinOutputChannels = 16;

// y = conv_transpose2d(x, w) as the input gradient of conv2d(., w) at grad_output x.
struct TransposedByConvolution : torch::autograd::Function<TransposedByConvolution> {
  static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& w,
                               std::vector<int64_t> stride, std::vector<int64_t> padding,
                               std::vector<int64_t> output_padding) {
    std::vector<int64_t> out_shape = {x.size(0), w.size(1)};
    for (int d = 0; d < 2; ++d)
      out_shape.push_back((x.size(2 + d) - 1) * stride[d] - 2 * padding[d] + w.size(2 + d) +
                          output_padding[d]);
    // Only the shape of the convolution's input matters for its input gradient.
    const auto shape_only = at::empty(out_shape, x.options());
    auto y = std::get<0>(at::convolution_backward(x, shape_only, w, c10::nullopt, stride, padding,
                                                  {1, 1}, false, {0, 0}, 1, {true, false, false}));
    ctx->save_for_backward({x, w});
    ctx->saved_data["stride"] = stride;
    ctx->saved_data["padding"] = padding;
    return y;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    const auto saved = ctx->get_saved_variables();
    const auto& x = saved[0];
    const auto& w = saved[1];
    const auto stride = ctx->saved_data["stride"].toIntVector();
    const auto padding = ctx->saved_data["padding"].toIntVector();
    const auto& gy = grad_outputs[0];
    torch::Tensor gx, gw;
    if (ctx->needs_input_grad(0)) gx = at::conv2d(gy, w, {}, stride, padding);
    if (ctx->needs_input_grad(1))
      gw = std::get<1>(at::convolution_backward(x, gy, w, c10::nullopt, stride, padding, {1, 1}, false,
                                                {0, 0}, 1, {false, true, false}));
    return {gx, gw, torch::Tensor(), torch::Tensor(), torch::Tensor()};
  }
};

bool all_ones(at::IntArrayRef values) {
  for (int64_t v : values)
    if (v != 1) return false;
  return true;
}

}  // namespace

c10::optional<c10::ScalarType> TransposedConv2dImpl::route_type(const torch::Tensor& input) const {
  if (!(convolution_route && input.dim() == 4 && input.device().is_cpu() && options.groups() == 1 &&
        all_ones(*options.dilation()) &&
        variant_compat::holds_alternative<torch::ExpandingArray<2>>(options.padding()) &&
        options.out_channels() >= kMinOutputChannels && weight.scalar_type() == torch::kFloat32))
    return c10::nullopt;
  // Under autocast (--precision bf16) in bfloat16: LibTorch 1.13 leaves transposed convolutions
  // to slow_conv_transpose2d in float32 there, and oneDNN's bfloat16 kernels are 2x faster
  // still. On a GPU cuDNN computes them well.
  const auto in = input.scalar_type();
  if (autocast_enabled_for(input)) {
    if (autocast_type_for(input) == torch::kBFloat16 && (in == torch::kFloat32 || in == torch::kBFloat16))
      return torch::kBFloat16;
    return c10::nullopt;
  }
  if (in == torch::kFloat32) return in;
  return c10::nullopt;
}

bool TransposedConv2dImpl::takes_convolution_route(const torch::Tensor& input) const {
  return route_type(input).has_value();
}

torch::Tensor TransposedConv2dImpl::forward(const torch::Tensor& input,
                                            const c10::optional<at::IntArrayRef>& output_size) {
  const auto type = route_type(input);
  if (output_size || !type) return ConvTranspose2dImpl::forward(input, output_size);
  const auto& padding = variant_compat::get<torch::ExpandingArray<2>>(options.padding());
  // Autocast does not see this function: cast as it would (the casts' backward returns the
  // gradients to the float32 input and weight).
  auto y = TransposedByConvolution::apply(input.to(*type), weight.to(*type),
                                          at::IntArrayRef(options.stride()).vec(),
                                          at::IntArrayRef(padding).vec(),
                                          at::IntArrayRef(options.output_padding()).vec());
  return bias.defined() ? y + bias.to(*type).view({1, -1, 1, 1}) : y;
}

}  // namespace wgan

#include "wgan/nets/piecewise_linear.h"

#include <torch/autograd.h>

namespace wgan {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// y = leaky_relu(x, slope) (relu for slope 0); dx = dy * mask(y), the mask a constant.
struct ConstantMaskActivation : torch::autograd::Function<ConstantMaskActivation> {
  static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, double slope) {
    auto y = slope == 0 ? at::relu(x) : at::leaky_relu(x, slope);
    ctx->save_for_backward({y});
    ctx->saved_data["slope"] = slope;
    return y;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    // Detached: differentiating this backward again reaches the incoming gradient only.
    const auto y = ctx->get_saved_variables()[0].detach();
    const double slope = ctx->saved_data["slope"].toDouble();
    // As LibTorch's own backward formulas; a non-negative slope keeps the sign, so the output
    // tells the side as well as the input does.
    auto dx = slope == 0 ? at::threshold_backward(grad_outputs[0], y, 0)
                         : at::leaky_relu_backward(grad_outputs[0], y, slope, /*self_is_result=*/true);
    return {dx, torch::Tensor()};
  }
};

bool use_constant_mask(bool enabled, bool inplace, const torch::Tensor& input) {
  return enabled && !inplace && torch::GradMode::is_enabled() && input.requires_grad();
}

}  // namespace

torch::Tensor PiecewiseReLUImpl::forward(torch::Tensor input) {
  if (!use_constant_mask(constant_mask, options.inplace(), input)) return ReLUImpl::forward(input);
  return ConstantMaskActivation::apply(input, 0.0);
}

torch::Tensor PiecewiseLeakyReLUImpl::forward(torch::Tensor input) {
  const double slope = options.negative_slope();
  if (!use_constant_mask(constant_mask && slope >= 0, options.inplace(), input))
    return LeakyReLUImpl::forward(input);
  return ConstantMaskActivation::apply(input, slope);
}

}  // namespace wgan

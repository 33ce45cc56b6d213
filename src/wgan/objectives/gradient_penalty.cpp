#include "wgan/objectives/gradient_penalty.h"

#include <torch/autograd.h>


namespace wgan {

torch::Tensor interpolate(const torch::Tensor& real, const torch::Tensor& fake,
                          const torch::Tensor& alpha) {
  std::vector<int64_t> shape(real.dim(), 1);
  shape[0] = real.size(0);
  auto a = alpha.view(shape);
  return a * real + (1 - a) * fake;
}

torch::Tensor critic_gradient_norms(NetworkImpl& critic, const torch::Tensor& x_hat) {
  auto input = x_hat.detach().requires_grad_(true);
  auto scores = critic_output(critic, input);
  // Both flags named: passing `true` only into the retain_graph slot (as pytorch/examples'
  // autograd sample does) leaves create_graph false, and the penalty would then send no
  // gradient to the critic's weights.
  const bool retain_graph = true;
  const bool create_graph = true;
  auto gradients = torch::autograd::grad({scores}, {input}, {torch::ones_like(scores)},
                                         retain_graph, create_graph)[0];
  return gradients.flatten(1).norm(2, /*dim=*/1);
}

torch::Tensor gradient_penalty(NetworkImpl& critic, const torch::Tensor& real,
                               const torch::Tensor& fake, const torch::Tensor& alpha, Sides sides) {
  auto excess = critic_gradient_norms(critic, interpolate(real, fake, alpha)) - 1;
  if (sides == Sides::kOne) excess = excess.clamp_min(0);
  return excess.pow(2).mean();
}

}  // namespace wgan

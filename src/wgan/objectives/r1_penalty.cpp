#include "wgan/objectives/r1_penalty.h"

#include <torch/autograd.h>

namespace wgan {

torch::Tensor real_gradient_penalty(NetworkImpl& critic, const torch::Tensor& real) {
  auto input = real.detach().requires_grad_(true);
  auto scores = critic_output(critic, input);
  const bool retain_graph = true, create_graph = true;  // the penalty trains the critic
  auto gradients =
      torch::autograd::grad({scores}, {input}, {torch::ones_like(scores)}, retain_graph, create_graph)[0];
  return gradients.flatten(1).pow(2).sum(1).mean();
}

}  // namespace wgan

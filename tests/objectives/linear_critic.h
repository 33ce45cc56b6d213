// D(x) = w . x + b, a critic whose input gradient is w everywhere: every gradient-based
// constraint has a closed form on it (the two-sided penalty (|w| - 1)^2, the one-sided one,
// R1's (gamma / 2) |w|^2). Shared by the penalty and constraint tests.
#pragma once
#include <torch/torch.h>

#include "wgan/nets/network.h"

namespace wgan::test {

struct LinearCritic : NetworkImpl {
  explicit LinearCritic(torch::Tensor weights, float bias = 0.0f)
      : w(register_parameter("w", weights)), b(register_parameter("b", torch::full({1}, bias))) {}
  torch::Tensor forward(const torch::Tensor& x) override { return x.flatten(1).matmul(w).unsqueeze(1) + b; }
  torch::Tensor w, b;
};

}  // namespace wgan::test

// Multi-layer perceptron: `depth` hidden layers of `width` units, then a linear output with no
// activation (a critic must not squash its score; a toy generator outputs raw points).
#pragma once
#include <torch/nn/modules/container/sequential.h>

#include <string>

#include "wgan/nets/network.h"

namespace wgan {

enum class Activation { kReLU, kLeakyReLU, kELU };

Activation activation_from_name(const std::string& name);

struct MLPOptions {
  int64_t in = 2;
  int64_t out = 2;
  int64_t width = 512;
  int64_t depth = 3;
  Activation activation = Activation::kReLU;
};

struct MLPImpl : NetworkImpl {
  explicit MLPImpl(const MLPOptions& options);
  torch::Tensor forward(const torch::Tensor& input) override;

  MLPOptions options;
  torch::nn::Sequential layers{nullptr};
};

}  // namespace wgan

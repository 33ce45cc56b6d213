// The common face of every generator and critic: a module with one tensor in and one out.
// The trainer and the objectives only see this, so network families can be added freely.
#pragma once
#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>

namespace wgan {

struct NetworkImpl : torch::nn::Module {
  virtual torch::Tensor forward(const torch::Tensor& input) = 0;
};

using Network = std::shared_ptr<NetworkImpl>;

struct NetworkPair {
  Network generator;
  Network critic;
};

}  // namespace wgan

#include "wgan/nets/mlp.h"

#include "wgan/core/error.h"

namespace wgan {

Activation activation_from_name(const std::string& name) {
  if (name == "relu") return Activation::kReLU;
  if (name == "leaky-relu") return Activation::kLeakyReLU;
  if (name == "elu") return Activation::kELU;
  throw UsageError("unknown activation '" + name + "'; expected relu, leaky-relu or elu");
}

MLPImpl::MLPImpl(const MLPOptions& opts) : options(opts) {
  torch::nn::Sequential seq;
  int64_t in = options.in;
  for (int64_t i = 0; i < options.depth; ++i) {
    seq->push_back(torch::nn::Linear(in, options.width));
    switch (options.activation) {
      case Activation::kReLU: seq->push_back(torch::nn::ReLU()); break;
      case Activation::kLeakyReLU:
        seq->push_back(torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
        break;
      case Activation::kELU: seq->push_back(torch::nn::ELU()); break;
    }
    in = options.width;
  }
  seq->push_back(torch::nn::Linear(in, options.out));
  layers = register_module("layers", seq);
}

torch::Tensor MLPImpl::forward(const torch::Tensor& input) {
  return layers->forward(input.flatten(1));
}

}  // namespace wgan

// ReLU and LeakyReLU as torch::nn's (same options; exported to TorchScript as those), with a
// backward pass that treats the activation's 0/1 (or slope/1) mask as the constant it is.
//
// Why: the gradient penalty differentiates the critic's input gradient again. A piecewise
// linear activation has second derivative zero, but autograd does not know that: it sends a
// tensor of zeros from every ReLU of the input gradient back through the whole forward pass on
// the interpolates (a full backward pass of matrix products on zeros, a third of the penalty's
// work for the 2-D grid's MLP critic). Here the backward takes the mask from a detached copy of
// the output, so the zeros are never formed. Values and first derivatives are the same
// computation as torch::nn's, bit for bit.
#pragma once
#include <torch/nn/modules/activation.h>

namespace wgan {

class PiecewiseReLUImpl : public torch::nn::ReLUImpl {
 public:
  using ReLUImpl::ReLUImpl;
  torch::Tensor forward(torch::Tensor input);
  bool constant_mask = true;  // off: torch::nn::ReLU's own backward (--no-fast-paths)
};
TORCH_MODULE(PiecewiseReLU);

class PiecewiseLeakyReLUImpl : public torch::nn::LeakyReLUImpl {
 public:
  using LeakyReLUImpl::LeakyReLUImpl;
  torch::Tensor forward(torch::Tensor input);
  bool constant_mask = true;
};
TORCH_MODULE(PiecewiseLeakyReLU);

}  // namespace wgan

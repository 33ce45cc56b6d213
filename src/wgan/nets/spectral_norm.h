// Spectral normalisation (Miyato et al. 2018): a layer whose weight W is used as W / sigma(W),
// sigma the largest singular value, estimated by one power iteration per forward pass in
// training mode from persistent vectors u and v (buffers, so checkpoints carry them). A
// convolution's weight is read as the matrix (out, in * kh * kw). LibTorch's C++ frontend has no
// spectral norm; this wrapper follows torch.nn.utils.parametrizations.spectral_norm: 15 power
// iterations when it is built, the estimate's u and v held constant in the gradient.
#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace wgan {

struct SequentialNetworkImpl;

class SpectralNormImpl : public torch::nn::Module {
 public:
  explicit SpectralNormImpl(torch::nn::Linear layer);
  explicit SpectralNormImpl(torch::nn::Conv2d layer);

  torch::Tensor forward(const torch::Tensor& input);
  // W / sigma, where sigma comes from u and v after one power iteration (training mode only).
  torch::Tensor normalised_weight();
  // The current estimate u^T W v of the largest singular value, without iterating.
  double sigma() const;

 private:
  void init_vectors();
  torch::Tensor weight_matrix() const;
  void power_iteration(int64_t steps);

  torch::nn::Linear linear_{nullptr};
  torch::nn::Conv2d conv_{nullptr};
  torch::Tensor u_, v_;  // buffers "u" [out] and "v" [in * kh * kw]
};
TORCH_MODULE(SpectralNorm);

// Wraps every linear and convolution layer of the network in a SpectralNorm.
void apply_spectral_norm(SequentialNetworkImpl& network);

}  // namespace wgan

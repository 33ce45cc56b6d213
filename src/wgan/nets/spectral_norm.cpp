#include "wgan/nets/spectral_norm.h"

#include <torch/torch.h>

#include "wgan/nets/sequential_network.h"

namespace wgan {
namespace {

constexpr double kEps = 1e-12;
constexpr int64_t kInitialIterations = 15;

torch::Tensor normalized(const torch::Tensor& x) { return x / x.norm().clamp_min(kEps); }

// Conv2dImpl's convolution with a given weight is protected; a derived class may name it.
struct ConvolutionWithWeight : torch::nn::Conv2dImpl {
  static torch::Tensor run(torch::nn::Conv2dImpl& conv, const torch::Tensor& input, const torch::Tensor& weight) {
    return (conv.*(&ConvolutionWithWeight::_conv_forward))(input, weight);
  }
};

}  // namespace

SpectralNormImpl::SpectralNormImpl(torch::nn::Linear layer) : linear_(register_module("layer", std::move(layer))) {
  init_vectors();
}

SpectralNormImpl::SpectralNormImpl(torch::nn::Conv2d layer) : conv_(register_module("layer", std::move(layer))) {
  init_vectors();
}

torch::Tensor SpectralNormImpl::weight_matrix() const {
  const torch::Tensor& w = linear_ ? linear_->weight : conv_->weight;
  return w.reshape({w.size(0), -1});
}

void SpectralNormImpl::init_vectors() {
  torch::NoGradGuard no_grad;
  const torch::Tensor w = weight_matrix();
  u_ = register_buffer("u", normalized(torch::randn({w.size(0)}, w.options())));
  v_ = register_buffer("v", normalized(torch::randn({w.size(1)}, w.options())));
  power_iteration(kInitialIterations);
}

void SpectralNormImpl::power_iteration(int64_t steps) {
  torch::NoGradGuard no_grad;
  const torch::Tensor w = weight_matrix().to(torch::kFloat32);
  for (int64_t i = 0; i < steps; ++i) {
    v_.copy_(normalized(torch::mv(w.t(), u_)));
    u_.copy_(normalized(torch::mv(w, v_)));
  }
}

torch::Tensor SpectralNormImpl::normalised_weight() {
  if (is_training()) power_iteration(1);
  const torch::Tensor& w = linear_ ? linear_->weight : conv_->weight;
  // u and v are constants of the gradient (cloned: the next forward pass updates them in place).
  const torch::Tensor sigma = torch::dot(u_.clone(), torch::mv(weight_matrix(), v_.clone()));
  return w / sigma;
}

double SpectralNormImpl::sigma() const {
  torch::NoGradGuard no_grad;
  return torch::dot(u_, torch::mv(weight_matrix(), v_)).item<double>();
}

torch::Tensor SpectralNormImpl::forward(const torch::Tensor& input) {
  const torch::Tensor weight = normalised_weight();
  if (linear_) return torch::nn::functional::linear(input, weight, linear_->bias);
  return ConvolutionWithWeight::run(*conv_, input, weight);
}

void apply_spectral_norm(SequentialNetworkImpl& network) {
  torch::nn::Sequential wrapped;
  for (const auto& layer : *network.layers) {
    const auto module = layer.ptr();
    if (auto linear = std::dynamic_pointer_cast<torch::nn::LinearImpl>(module))
      wrapped->push_back(SpectralNorm(torch::nn::Linear(linear)));
    else if (auto conv = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(module))
      wrapped->push_back(SpectralNorm(torch::nn::Conv2d(conv)));
    else
      wrapped->push_back(layer);
  }
  network.layers = network.replace_module("layers", wrapped);
}

}  // namespace wgan

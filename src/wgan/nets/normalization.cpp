#include "wgan/nets/normalization.h"

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/instancenorm.h>
#include <torch/nn/modules/normalization.h>

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/nets/autocast.h"

namespace wgan {
namespace {

// LibTorch 1.13's CPU autocast leaves layer_norm alone, which then refuses a bfloat16 input
// with float32 weights. Under autocast this layer takes its input in float32, as autocast's
// float32 list does for such operations; otherwise it is torch::nn::LayerNorm (same parameters,
// same checkpoint names).
class AutocastLayerNormImpl : public torch::nn::LayerNormImpl {
 public:
  using LayerNormImpl::LayerNormImpl;
  torch::Tensor forward(const torch::Tensor& input) {
    return LayerNormImpl::forward(autocast_enabled_for(input) ? input.to(torch::kFloat32) : input);
  }
};
TORCH_MODULE(AutocastLayerNorm);

}  // namespace

void append_norm(torch::nn::Sequential& layers, Norm norm, int64_t channels, int64_t size) {
  switch (norm) {
    case Norm::kBatch: layers->push_back(torch::nn::BatchNorm2d(channels)); break;
    case Norm::kInstance:
      layers->push_back(torch::nn::InstanceNorm2d(torch::nn::InstanceNorm2dOptions(channels).affine(true)));
      break;
    case Norm::kLayer: layers->push_back(AutocastLayerNorm(torch::nn::LayerNormOptions({channels, size, size}))); break;
    case Norm::kNone: break;
  }
}

bool is_normalization(const torch::nn::Module& module) {
  return dynamic_cast<const torch::nn::BatchNorm1dImpl*>(&module) ||
         dynamic_cast<const torch::nn::BatchNorm2dImpl*>(&module) ||
         dynamic_cast<const torch::nn::InstanceNorm2dImpl*>(&module) ||
         dynamic_cast<const torch::nn::LayerNormImpl*>(&module) ||
         dynamic_cast<const torch::nn::GroupNormImpl*>(&module);
}

bool has_batch_norm(torch::nn::Module& module) {
  for (const auto& m : module.modules())
    if (dynamic_cast<const torch::nn::BatchNorm1dImpl*>(m.get()) ||
        dynamic_cast<const torch::nn::BatchNorm2dImpl*>(m.get()))
      return true;
  return false;
}

}  // namespace wgan

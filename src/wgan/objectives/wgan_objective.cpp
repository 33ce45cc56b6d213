#include "wgan/objectives/wgan_objective.h"

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/instancenorm.h>
#include <torch/nn/modules/normalization.h>

namespace wgan {
namespace {

bool is_normalisation(const torch::nn::Module& module) {
  return dynamic_cast<const torch::nn::BatchNorm1dImpl*>(&module) ||
         dynamic_cast<const torch::nn::BatchNorm2dImpl*>(&module) ||
         dynamic_cast<const torch::nn::InstanceNorm2dImpl*>(&module) ||
         dynamic_cast<const torch::nn::LayerNormImpl*>(&module) ||
         dynamic_cast<const torch::nn::GroupNormImpl*>(&module);
}

}  // namespace

CriticLoss wasserstein_critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  auto d_real = critic.forward(batch.real).mean();
  auto d_fake = critic.forward(batch.fake).mean();
  return {d_fake - d_real, d_real.detach(), d_fake.detach(), {}};
}

torch::Tensor wasserstein_generator_loss(const torch::Tensor& d_fake) { return -d_fake.mean(); }

void clip_parameters(NetworkImpl& critic, double c, bool weights_only) {
  torch::NoGradGuard no_grad;
  if (!weights_only) {
    for (auto& p : critic.parameters()) p.clamp_(-c, c);
    return;
  }
  // Module-by-module, each with its own parameters only, so normalisation layers can be skipped.
  if (!is_normalisation(critic))
    for (auto& p : critic.parameters(/*recurse=*/false)) p.clamp_(-c, c);
  for (const auto& module : critic.modules(/*include_self=*/false)) {
    if (is_normalisation(*module)) continue;
    for (auto& p : module->parameters(/*recurse=*/false)) p.clamp_(-c, c);
  }
}

void WganObjective::after_critic_step(NetworkImpl& critic) {
  if (clip_ > 0) clip_parameters(critic, clip_, weights_only_);
}

}  // namespace wgan

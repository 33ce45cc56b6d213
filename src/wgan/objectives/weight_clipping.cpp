#include "wgan/objectives/weight_clipping.h"

#include "wgan/nets/normalization.h"

namespace wgan {

void clip_parameters(NetworkImpl& critic, double c, bool weights_only) {
  torch::NoGradGuard no_grad;
  if (!weights_only) {
    for (auto& p : critic.parameters()) p.clamp_(-c, c);
    return;
  }
  // Module-by-module, each with its own parameters only, so normalisation layers can be skipped.
  if (!is_normalization(critic))
    for (auto& p : critic.parameters(/*recurse=*/false)) p.clamp_(-c, c);
  for (const auto& module : critic.modules(/*include_self=*/false)) {
    if (is_normalization(*module)) continue;
    for (auto& p : module->parameters(/*recurse=*/false)) p.clamp_(-c, c);
  }
}

void WeightClipping::after_critic_step(NetworkImpl& critic) {
  if (clip_) clip_parameters(critic, *clip_, weights_only_);
}

}  // namespace wgan

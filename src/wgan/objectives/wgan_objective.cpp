#include "wgan/objectives/wgan_objective.h"

#include "wgan/nets/normalization.h"

namespace wgan {

CriticLoss wasserstein_critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  const auto [scores_real, scores_fake] = critic_scores(critic, batch);
  auto d_real = scores_real.mean(), d_fake = scores_fake.mean();
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
  if (!is_normalization(critic))
    for (auto& p : critic.parameters(/*recurse=*/false)) p.clamp_(-c, c);
  for (const auto& module : critic.modules(/*include_self=*/false)) {
    if (is_normalization(*module)) continue;
    for (auto& p : module->parameters(/*recurse=*/false)) p.clamp_(-c, c);
  }
}

void WganObjective::after_critic_step(NetworkImpl& critic) {
  if (clip_ > 0) clip_parameters(critic, clip_, weights_only_);
}

}  // namespace wgan

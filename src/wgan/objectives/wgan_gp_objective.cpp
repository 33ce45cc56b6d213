#include "wgan/objectives/wgan_gp_objective.h"

#include "wgan/objectives/gradient_penalty.h"
#include "wgan/objectives/wgan_objective.h"

namespace wgan {

CriticLoss WganGpObjective::critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  CriticLoss result = wasserstein_critic_loss(critic, batch);
  auto penalty = gradient_penalty(critic, batch.real, batch.fake, batch.alpha);
  result.loss = result.loss + lambda_ * penalty;
  result.penalty = penalty.detach();
  return result;
}

torch::Tensor WganGpObjective::generator_loss(const torch::Tensor& d_fake) {
  return wasserstein_generator_loss(d_fake);
}

}  // namespace wgan

#include "wgan/objectives/gan_objective.h"

#include <torch/nn/functional/loss.h>

namespace wgan {
namespace F = torch::nn::functional;

CriticLoss GanObjective::critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  const auto [d_real, d_fake] = critic_scores(critic, batch);
  // -[log sigmoid(D(x))] - [log(1 - sigmoid(D(G(z))))], each averaged over its half.
  auto loss = F::binary_cross_entropy_with_logits(d_real, torch::ones_like(d_real)) +
              F::binary_cross_entropy_with_logits(d_fake, torch::zeros_like(d_fake));
  return {loss, d_real.mean().detach(), d_fake.mean().detach(), {}};
}

torch::Tensor GanObjective::generator_loss(const torch::Tensor& d_fake) {
  // Non-saturating: -log sigmoid(D(G(z))).
  return F::binary_cross_entropy_with_logits(d_fake, torch::ones_like(d_fake));
}

}  // namespace wgan

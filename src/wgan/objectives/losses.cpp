#include "wgan/objectives/losses.h"

#include <torch/nn/functional/loss.h>

namespace wgan {
namespace F = torch::nn::functional;

CriticLoss wasserstein_critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  const auto [scores_real, scores_fake] = critic_scores(critic, batch);
  auto d_real = scores_real.mean(), d_fake = scores_fake.mean();
  return {d_fake - d_real, d_real.detach(), d_fake.detach(), {}};
}

torch::Tensor wasserstein_generator_loss(const torch::Tensor& d_fake) { return -d_fake.mean(); }

CriticLoss BceLoss::critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  const auto [d_real, d_fake] = critic_scores(critic, batch);
  // -[log sigmoid(D(x))] - [log(1 - sigmoid(D(G(z))))], each averaged over its half.
  auto loss = F::binary_cross_entropy_with_logits(d_real, torch::ones_like(d_real)) +
              F::binary_cross_entropy_with_logits(d_fake, torch::zeros_like(d_fake));
  return {loss, d_real.mean().detach(), d_fake.mean().detach(), {}};
}

torch::Tensor BceLoss::generator_loss(const torch::Tensor& d_fake) {
  // Non-saturating: -log sigmoid(D(G(z))).
  return F::binary_cross_entropy_with_logits(d_fake, torch::ones_like(d_fake));
}

}  // namespace wgan

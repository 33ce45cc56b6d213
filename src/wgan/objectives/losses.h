// The adversarial losses.
//   wasserstein  critic: mean D(fake) - mean D(real); generator: -mean D(G(z))  (Arjovsky et al.)
//   bce          critic: BCE with logits, real -> 1, fake -> 0; generator: the non-saturating
//                -log sigmoid(D(G(z)))  (Goodfellow et al.; DCGAN)
#pragma once
#include "wgan/objectives/objective.h"

namespace wgan {

// The Wasserstein critic and generator losses, for code that steps networks by hand (bench/).
CriticLoss wasserstein_critic_loss(NetworkImpl& critic, const CriticBatch& batch);
torch::Tensor wasserstein_generator_loss(const torch::Tensor& d_fake);

class WassersteinLoss : public AdversarialLoss {
 public:
  std::string name() const override { return "wasserstein"; }
  CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) override {
    return wasserstein_critic_loss(critic, batch);
  }
  torch::Tensor generator_loss(const torch::Tensor& d_fake) override {
    return wasserstein_generator_loss(d_fake);
  }
};

class BceLoss : public AdversarialLoss {
 public:
  std::string name() const override { return "bce"; }
  CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) override;
  torch::Tensor generator_loss(const torch::Tensor& d_fake) override;
};

}  // namespace wgan

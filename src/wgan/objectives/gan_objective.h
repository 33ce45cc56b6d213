// The standard GAN (Goodfellow et al.; DCGAN): binary cross-entropy on logits for the
// discriminator, and the non-saturating generator loss -log D(G(z)).
#pragma once
#include "wgan/objectives/objective.h"

namespace wgan {

class GanObjective : public Objective {
 public:
  std::string name() const override { return "gan"; }
  CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) override;
  torch::Tensor generator_loss(const torch::Tensor& d_fake) override;
};

}  // namespace wgan

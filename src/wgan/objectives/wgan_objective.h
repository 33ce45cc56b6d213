// WGAN (Arjovsky et al. 2017): the critic maximises mean D(real) - mean D(fake), so its loss is
// mean D(fake) - mean D(real); the generator's loss is -mean D(G(z)). The Lipschitz constraint
// is kept by clamping the critic's parameters to [-c, c] after every critic step.
#pragma once
#include "wgan/objectives/objective.h"

namespace wgan {

// The Wasserstein critic loss shared by WGAN and WGAN-GP.
CriticLoss wasserstein_critic_loss(NetworkImpl& critic, const CriticBatch& batch);
torch::Tensor wasserstein_generator_loss(const torch::Tensor& d_fake);

// Clamps every parameter of the critic to [-c, c]. With weights_only, parameters of
// normalisation layers (their gamma and beta) are left alone.
void clip_parameters(NetworkImpl& critic, double c, bool weights_only);

class WganObjective : public Objective {
 public:
  // clip <= 0 turns clipping off (seed 001 tries that).
  WganObjective(double clip, bool weights_only) : clip_(clip), weights_only_(weights_only) {}
  std::string name() const override { return "wgan"; }
  CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) override {
    return wasserstein_critic_loss(critic, batch);
  }
  torch::Tensor generator_loss(const torch::Tensor& d_fake) override {
    return wasserstein_generator_loss(d_fake);
  }
  void after_critic_step(NetworkImpl& critic) override;

 private:
  double clip_;
  bool weights_only_;
};

}  // namespace wgan

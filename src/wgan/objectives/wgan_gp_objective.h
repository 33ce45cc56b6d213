// WGAN-GP (Gulrajani et al. 2017): the Wasserstein critic loss plus lambda times the gradient
// penalty at per-sample random interpolates; no clipping.
#pragma once
#include "wgan/objectives/objective.h"

namespace wgan {

class WganGpObjective : public Objective {
 public:
  explicit WganGpObjective(double lambda) : lambda_(lambda) {}
  std::string name() const override { return "wgan-gp"; }
  bool needs_interpolation() const override { return true; }
  CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) override;
  torch::Tensor generator_loss(const torch::Tensor& d_fake) override;

 private:
  double lambda_;
};

}  // namespace wgan

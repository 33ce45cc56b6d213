// Weight clipping (Arjovsky et al. 2017): every critic parameter clamped to [-c, c] after each
// critic optimiser step.
#pragma once
#include <optional>

#include "wgan/objectives/objective.h"

namespace wgan {

// Clamps every parameter of the critic to [-c, c]. With weights_only, parameters of
// normalisation layers (their gamma and beta) are left alone.
void clip_parameters(NetworkImpl& critic, double c, bool weights_only);

class WeightClipping : public LipschitzConstraint {
 public:
  // No bound turns clipping off (seed 001 tries that: --clip none).
  WeightClipping(std::optional<double> clip, bool weights_only) : clip_(clip), weights_only_(weights_only) {}
  std::string name() const override { return "clip"; }
  void after_critic_step(NetworkImpl& critic) override;

 private:
  std::optional<double> clip_;
  bool weights_only_;
};

}  // namespace wgan

// The three objectives of the papers, by their usual names: a loss with its own constraint.
#pragma once
#include <memory>

#include "wgan/objectives/gradient_penalty.h"
#include "wgan/objectives/losses.h"
#include "wgan/objectives/weight_clipping.h"

namespace wgan {

// WGAN: the Wasserstein loss with weight clipping (no bound: no clipping).
struct WganObjective : Objective {
  WganObjective(std::optional<double> clip, bool weights_only)
      : Objective(std::make_unique<WassersteinLoss>(), std::make_unique<WeightClipping>(clip, weights_only)) {}
};

// WGAN-GP: the Wasserstein loss with the two-sided gradient penalty of weight lambda.
struct WganGpObjective : Objective {
  explicit WganGpObjective(double lambda)
      : Objective(std::make_unique<WassersteinLoss>(), std::make_unique<GradientPenalty>(lambda)) {}
};

// The standard GAN: BCE with the non-saturating generator loss, no constraint.
struct GanObjective : Objective {
  GanObjective() : Objective(std::make_unique<BceLoss>(), nullptr) {}
};

}  // namespace wgan

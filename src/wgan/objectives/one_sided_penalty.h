// The one-sided penalty of WGAN-LP (Petzka, Fischer and Lukovnicov 2018): only gradients longer
// than 1 are penalised, λ·mean(max(0, ‖∇x̂ D(x̂)‖₂ − 1)²), at the same per-sample interpolates as
// the two-sided penalty of WGAN-GP (gradient_penalty.h), whose weight option it shares.
#pragma once
#include "wgan/objectives/gradient_penalty.h"

namespace wgan {

// Unweighted, a 0-d tensor differentiable w.r.t. the critic's parameters.
torch::Tensor one_sided_penalty(NetworkImpl& critic, const torch::Tensor& real, const torch::Tensor& fake,
                                const torch::Tensor& alpha);

class OneSidedPenalty : public LipschitzConstraint {
 public:
  explicit OneSidedPenalty(double lambda) : lambda_(lambda) {}
  std::string name() const override { return "lp"; }
  bool needs_interpolation() const override { return true; }
  torch::Tensor penalty(NetworkImpl& critic, const CriticBatch& batch) override {
    return one_sided_penalty(critic, batch.real, batch.fake, batch.alpha);
  }
  double weight() const override { return lambda_; }

 private:
  double lambda_;
};

}  // namespace wgan

// Penalties on the critic's input gradient at x_hat = alpha * real + (1 - alpha) * fake, one
// alpha per sample, the norm taken over all non-batch dimensions:
//   two-sided (WGAN-GP, Gulrajani et al. 2017)  mean((||grad D(x_hat)||_2 - 1)^2)
//   one-sided (WGAN-LP, Petzka et al. 2018)     mean(max(0, ||grad D(x_hat)||_2 - 1)^2): only
//                                               gradients longer than 1 are penalised
#pragma once
#include <torch/types.h>

#include "wgan/objectives/objective.h"

namespace wgan {

// Interpolates with one alpha per sample (alpha has shape [B]).
torch::Tensor interpolate(const torch::Tensor& real, const torch::Tensor& fake,
                          const torch::Tensor& alpha);

// Per-sample L2 norms of the critic's input gradient at x_hat, shape [B]. The graph is kept
// (create_graph) so that a penalty built from these norms back-propagates into the critic.
torch::Tensor critic_gradient_norms(NetworkImpl& critic, const torch::Tensor& x_hat);

enum class Sides { kTwo, kOne };

// Unweighted penalty, a 0-d tensor that is differentiable w.r.t. the critic's parameters.
torch::Tensor gradient_penalty(NetworkImpl& critic, const torch::Tensor& real,
                               const torch::Tensor& fake, const torch::Tensor& alpha, Sides sides = Sides::kTwo);

// Either penalty as a constraint ("gp", "lp"): lambda times the penalty at the batch's interpolates.
class GradientPenalty : public LipschitzConstraint {
 public:
  explicit GradientPenalty(double lambda, Sides sides = Sides::kTwo) : lambda_(lambda), sides_(sides) {}
  std::string name() const override { return sides_ == Sides::kTwo ? "gp" : "lp"; }
  bool needs_interpolation() const override { return true; }
  torch::Tensor penalty(NetworkImpl& critic, const CriticBatch& batch) override {
    return gradient_penalty(critic, batch.real, batch.fake, batch.alpha, sides_);
  }
  double weight() const override { return lambda_; }

 private:
  double lambda_;
  Sides sides_;
};

}  // namespace wgan

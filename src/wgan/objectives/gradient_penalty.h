// The WGAN-GP penalty (Gulrajani et al. 2017): mean over the batch of (||grad_x D(x_hat)||_2 - 1)^2
// at x_hat = alpha * real + (1 - alpha) * fake, one alpha per sample, the norm taken over all
// non-batch dimensions.
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

// Unweighted penalty, a 0-d tensor that is differentiable w.r.t. the critic's parameters.
torch::Tensor gradient_penalty(NetworkImpl& critic, const torch::Tensor& real,
                               const torch::Tensor& fake, const torch::Tensor& alpha);

// The two-sided penalty as a constraint: lambda times the penalty at the batch's interpolates.
class GradientPenalty : public LipschitzConstraint {
 public:
  explicit GradientPenalty(double lambda) : lambda_(lambda) {}
  std::string name() const override { return "gp"; }
  bool needs_interpolation() const override { return true; }
  torch::Tensor penalty(NetworkImpl& critic, const CriticBatch& batch) override {
    return gradient_penalty(critic, batch.real, batch.fake, batch.alpha);
  }
  double weight() const override { return lambda_; }

 private:
  double lambda_;
};

}  // namespace wgan

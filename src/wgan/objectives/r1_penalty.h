// The zero-centred penalty on real data (Mescheder, Geiger and Nowozin 2018, "R1"):
// (γ/2)·mean(‖∇x D(x)‖²) over the real batch. Optionally lazy, as stylegan2-ada computes it:
// only every k-th critic step, scaled by k so that its average weight is unchanged.
#pragma once
#include "wgan/objectives/objective.h"

namespace wgan {

// mean over the batch of ‖∇x D(x)‖₂² at the real samples (unweighted), differentiable w.r.t.
// the critic's parameters.
torch::Tensor real_gradient_penalty(NetworkImpl& critic, const torch::Tensor& real);

class R1Penalty : public LipschitzConstraint {
 public:
  R1Penalty(double gamma, int64_t every) : gamma_(gamma), every_(every < 1 ? 1 : every) {}
  std::string name() const override { return "r1"; }
  // Undefined (no penalty) on the critic steps a lazy R1 skips.
  torch::Tensor penalty(NetworkImpl& critic, const CriticBatch& batch) override {
    if (batch.critic_step % every_ != 0) return {};
    return real_gradient_penalty(critic, batch.real);
  }
  double weight() const override { return gamma_ / 2 * static_cast<double>(every_); }

 private:
  double gamma_;
  int64_t every_;
};

}  // namespace wgan

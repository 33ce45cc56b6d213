// An objective is an adversarial loss times a Lipschitz constraint on the critic:
//   loss        the critic's loss on real and fake scores, and the generator's (losses.h)
//   constraint  a penalty added to the critic's loss and/or a step after its optimiser
//               (objective.h: LipschitzConstraint; the constraints beside it in weight_clipping.h,
//               gradient_penalty.h and r1_penalty.h)
// The training loop calls the composed Objective and knows nothing of which GAN it trains;
// objective_registry.h names the parts and holds each one's defaults and requirements.
#pragma once
#include <torch/types.h>

#include <memory>
#include <string>
#include <utility>

#include "wgan/nets/network.h"

namespace wgan {

// One critic batch: real and generated samples, and for a penalty at interpolates one uniform
// alpha per sample (shape [B]) drawn by the loop from the run's reproducible streams.
struct CriticBatch {
  torch::Tensor real;
  torch::Tensor fake;
  torch::Tensor alpha;  // defined only when the constraint asks for it
  // Score real and fake in one critic pass (one batch of 2B): the same values when no layer
  // mixes samples (no batch norm), fewer and larger kernels.
  bool joint_pass = false;
  // Critic optimiser steps taken before this one (for constraints applied every k-th step).
  int64_t critic_step = 0;
};

// Scalars of one critic step, as 0-d tensors so that nothing is read back to the host unless
// it is logged.
struct CriticLoss {
  torch::Tensor loss;     // what is back-propagated (penalty included)
  torch::Tensor d_real;   // mean critic output on real samples
  torch::Tensor d_fake;   // mean critic output on generated samples
  torch::Tensor penalty;  // unweighted penalty of the constraint; undefined when there is none
};

// The adversarial loss: what the critic and the generator minimise, without any constraint.
class AdversarialLoss {
 public:
  virtual ~AdversarialLoss() = default;
  virtual std::string name() const = 0;
  virtual CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) = 0;
  // From the critic's output on a batch of generated samples.
  virtual torch::Tensor generator_loss(const torch::Tensor& d_fake) = 0;
};

// What keeps the critic (roughly) Lipschitz. Whatever it needs from the loop it says here.
class LipschitzConstraint {
 public:
  virtual ~LipschitzConstraint() = default;
  virtual std::string name() const = 0;
  // Whether CriticBatch::alpha must be filled.
  virtual bool needs_interpolation() const { return false; }
  // The unweighted penalty on this batch (a 0-d tensor differentiable w.r.t. the critic's
  // parameters), or an undefined tensor when the constraint adds none.
  virtual torch::Tensor penalty(NetworkImpl& /*critic*/, const CriticBatch& /*batch*/) { return {}; }
  // The penalty's weight in the critic's loss.
  virtual double weight() const { return 0; }
  // Called after every critic optimiser step.
  virtual void after_critic_step(NetworkImpl& /*critic*/) {}
};

// A loss with a constraint (none: a null constraint).
class Objective {
 public:
  Objective(std::unique_ptr<AdversarialLoss> loss, std::unique_ptr<LipschitzConstraint> constraint);
  virtual ~Objective() = default;
  bool needs_interpolation() const { return constraint_ && constraint_->needs_interpolation(); }
  CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch);
  torch::Tensor generator_loss(const torch::Tensor& d_fake) { return loss_->generator_loss(d_fake); }
  void after_critic_step(NetworkImpl& critic) {
    if (constraint_) constraint_->after_critic_step(critic);
  }

 private:
  std::unique_ptr<AdversarialLoss> loss_;
  std::unique_ptr<LipschitzConstraint> constraint_;
};

// The critic's scores on x in float32: under --precision bf16 its last layer gives bfloat16, and
// losses, penalties and logged values are computed in float32 all the same.
torch::Tensor critic_output(NetworkImpl& critic, const torch::Tensor& x);

// The critic's outputs on the real and on the fake batch: two passes, or one on both
// (CriticBatch::joint_pass).
std::pair<torch::Tensor, torch::Tensor> critic_scores(NetworkImpl& critic, const CriticBatch& batch);

}  // namespace wgan

// An objective owns the critic's loss, the generator's loss and what happens to the critic
// after its optimiser step (weight clipping). The training loop calls it and knows nothing
// of which GAN it trains: one small policy object per variant.
#pragma once
#include <torch/types.h>

#include <memory>
#include <string>
#include <utility>

#include "wgan/nets/network.h"

namespace wgan {

struct TrainConfig;

// One critic batch: real and generated samples, and for the gradient penalty one uniform
// alpha per sample (shape [B]) drawn by the loop from the run's reproducible streams.
struct CriticBatch {
  torch::Tensor real;
  torch::Tensor fake;
  torch::Tensor alpha;  // defined only when the objective asks for it
  // Score real and fake in one critic pass (one batch of 2B): the same values when no layer
  // mixes samples (no batch norm), fewer and larger kernels.
  bool joint_pass = false;
};

// Scalars of one critic step, as 0-d tensors so that nothing is read back to the host unless
// it is logged.
struct CriticLoss {
  torch::Tensor loss;     // what is back-propagated (penalty included)
  torch::Tensor d_real;   // mean critic output on real samples
  torch::Tensor d_fake;   // mean critic output on generated samples
  torch::Tensor penalty;  // unweighted gradient penalty; undefined when there is none
};

class Objective {
 public:
  virtual ~Objective() = default;
  virtual std::string name() const = 0;
  // Whether CriticBatch::alpha must be filled.
  virtual bool needs_interpolation() const { return false; }
  virtual CriticLoss critic_loss(NetworkImpl& critic, const CriticBatch& batch) = 0;
  // From the critic's output on a batch of generated samples.
  virtual torch::Tensor generator_loss(const torch::Tensor& d_fake) = 0;
  // Called after every critic optimiser step.
  virtual void after_critic_step(NetworkImpl& /*critic*/) {}
};

// The critic's scores on x in float32: under --precision bf16 its last layer gives bfloat16, and
// losses, penalties and logged values are computed in float32 all the same.
torch::Tensor critic_output(NetworkImpl& critic, const torch::Tensor& x);

// The critic's outputs on the real and on the fake batch: two passes, or one on both
// (CriticBatch::joint_pass).
std::pair<torch::Tensor, torch::Tensor> critic_scores(NetworkImpl& critic, const CriticBatch& batch);

// Builds the objective a configuration names (gan, wgan, wgan-gp).
std::unique_ptr<Objective> make_objective(const TrainConfig& config);

}  // namespace wgan

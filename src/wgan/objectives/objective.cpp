#include "wgan/objectives/objective.h"

namespace wgan {

Objective::Objective(std::unique_ptr<AdversarialLoss> loss, std::unique_ptr<LipschitzConstraint> constraint)
    : loss_(std::move(loss)), constraint_(std::move(constraint)) {}

CriticLoss Objective::critic_loss(NetworkImpl& critic, const CriticBatch& batch) {
  CriticLoss result = loss_->critic_loss(critic, batch);
  if (!constraint_) return result;
  auto penalty = constraint_->penalty(critic, batch);
  if (penalty.defined()) {
    result.loss = result.loss + constraint_->weight() * penalty;
    result.penalty = penalty.detach();
  }
  return result;
}

torch::Tensor critic_output(NetworkImpl& critic, const torch::Tensor& x) {
  return critic.forward(x).to(torch::kFloat32);
}

std::pair<torch::Tensor, torch::Tensor> critic_scores(NetworkImpl& critic, const CriticBatch& batch) {
  if (!batch.joint_pass) return {critic_output(critic, batch.real), critic_output(critic, batch.fake)};
  const auto scores = critic_output(critic, torch::cat({batch.real, batch.fake}));
  const int64_t n = batch.real.size(0);
  return {scores.slice(0, 0, n), scores.slice(0, n)};
}

}  // namespace wgan

#include "wgan/objectives/objective.h"

#include "wgan/core/error.h"
#include "wgan/objectives/gan_objective.h"
#include "wgan/objectives/wgan_gp_objective.h"
#include "wgan/objectives/wgan_objective.h"
#include "wgan/train/config.h"

namespace wgan {

torch::Tensor critic_output(NetworkImpl& critic, const torch::Tensor& x) {
  return critic.forward(x).to(torch::kFloat32);
}

std::pair<torch::Tensor, torch::Tensor> critic_scores(NetworkImpl& critic, const CriticBatch& batch) {
  if (!batch.joint_pass) return {critic_output(critic, batch.real), critic_output(critic, batch.fake)};
  const auto scores = critic_output(critic, torch::cat({batch.real, batch.fake}));
  const int64_t n = batch.real.size(0);
  return {scores.slice(0, 0, n), scores.slice(0, n)};
}

std::unique_ptr<Objective> make_objective(const TrainConfig& config) {
  if (config.loss == "gan") return std::make_unique<GanObjective>();
  if (config.loss == "wgan")
    return std::make_unique<WganObjective>(config.clip_enabled ? config.clip : 0.0,
                                           config.clip_scope == "weights");
  if (config.loss == "wgan-gp") return std::make_unique<WganGpObjective>(config.gp_lambda);
  throw UsageError("unknown loss '" + config.loss + "'; expected " + join(loss_names()));
}

}  // namespace wgan

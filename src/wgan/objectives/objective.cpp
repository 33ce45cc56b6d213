#include "wgan/objectives/objective.h"

#include "wgan/core/error.h"
#include "wgan/objectives/gan_objective.h"
#include "wgan/objectives/wgan_gp_objective.h"
#include "wgan/objectives/wgan_objective.h"
#include "wgan/train/config.h"

namespace wgan {

std::unique_ptr<Objective> make_objective(const TrainConfig& config) {
  if (config.loss == "gan") return std::make_unique<GanObjective>();
  if (config.loss == "wgan")
    return std::make_unique<WganObjective>(config.clip_enabled ? config.clip : 0.0,
                                           config.clip_scope == "weights");
  if (config.loss == "wgan-gp") return std::make_unique<WganGpObjective>(config.gp_lambda);
  throw UsageError("unknown loss '" + config.loss + "'; expected " + join(loss_names()));
}

}  // namespace wgan

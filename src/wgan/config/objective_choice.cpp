#include "wgan/config/objective_choice.h"

namespace wgan {

void set_objective(TrainConfig& config, Loss loss, Constraint constraint) {
  config.loss = loss.name;
  apply_loss_defaults(config);
  config.constraint = constraint.name;
}

}  // namespace wgan

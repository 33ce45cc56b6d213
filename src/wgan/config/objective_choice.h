// Choosing the objective of a run in code: the loss with its paper's optimiser, learning rate
// and critic steps (as `--loss` sets them on the command line), and the Lipschitz constraint.
#pragma once
#include "wgan/config/config.h"
#include "wgan/objectives/objective_values.h"

namespace wgan {

// config.loss and its defaults (apply_loss_defaults), then config.constraint; the settings of
// the constraint (clip, gp_lambda, r1_gamma) keep their values.
void set_objective(TrainConfig& config, Loss loss, Constraint constraint = Constraint::automatic);

}  // namespace wgan

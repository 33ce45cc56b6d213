// Builds the optimiser a configuration names, and applies the learning-rate schedule.
#pragma once
#include <torch/optim/optimizer.h>

#include <memory>
#include <string>
#include <vector>

#include "wgan/config/config.h"

namespace wgan {

std::unique_ptr<torch::optim::Optimizer> make_optimizer(const OptimizerConfig& config,
                                                        const std::vector<torch::Tensor>& params);

// The learning rate for an optimiser's next step.
//   constant      base
//   inverse-time  base / (1 + decay * steps_done)       (Keras' `decay`, as seed 001 uses)
//   linear        base * (1 - iteration / iters)        (the WGAN-GP CIFAR script)
double scheduled_lr(const TrainConfig& config, double base_lr, int64_t steps_done, int64_t generator_iteration);

void set_lr(torch::optim::Optimizer& optimizer, double lr);

}  // namespace wgan

#include "wgan/train/optimizer_factory.h"

#include <torch/optim/adam.h>
#include <torch/optim/rmsprop.h>
#include <torch/optim/sgd.h>

#include <algorithm>

#include "wgan/core/error.h"

namespace wgan {

std::unique_ptr<torch::optim::Optimizer> make_optimizer(const OptimizerConfig& c,
                                                         const std::vector<torch::Tensor>& params) {
  if (c.name == "adam")
    return std::make_unique<torch::optim::Adam>(
        params, torch::optim::AdamOptions(c.lr)
                    .betas({c.beta1, c.beta2})
                    .eps(c.eps)
                    .weight_decay(c.weight_decay));
  if (c.name == "rmsprop")
    return std::make_unique<torch::optim::RMSprop>(
        params, torch::optim::RMSpropOptions(c.lr)
                    .alpha(c.alpha)
                    .eps(c.eps)
                    .momentum(c.momentum)
                    .weight_decay(c.weight_decay));
  if (c.name == "sgd")
    return std::make_unique<torch::optim::SGD>(
        params,
        torch::optim::SGDOptions(c.lr).momentum(c.momentum).weight_decay(c.weight_decay));
  throw UsageError("unknown optimizer '" + c.name + "'; expected " + join(optimizer_names()));
}

double scheduled_lr(const TrainConfig& config, double base_lr, int64_t steps_done,
                    int64_t generator_iteration) {
  if (config.lr_schedule == "inverse-time")
    return base_lr / (1.0 + config.lr_decay * static_cast<double>(steps_done));
  if (config.lr_schedule == "linear")
    return base_lr * std::max(0.0, 1.0 - static_cast<double>(generator_iteration) /
                                             static_cast<double>(config.iters));
  return base_lr;
}

void set_lr(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

}  // namespace wgan

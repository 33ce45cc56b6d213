#include "wgan/train/optimizer_factory.h"

#include <torch/optim/adam.h>
#include <torch/optim/rmsprop.h>
#include <torch/optim/sgd.h>

#include <algorithm>
#include <stdexcept>

#include "wgan/core/error.h"

namespace wgan {

std::unique_ptr<torch::optim::Optimizer> make_optimizer(const OptimizerConfig& c,
                                                        const std::vector<torch::Tensor>& params) {
  switch (c.name) {
    case OptimizerKind::kAdam:
      return std::make_unique<torch::optim::Adam>(
          params, torch::optim::AdamOptions(c.lr).betas({c.beta1, c.beta2}).eps(c.eps).weight_decay(c.weight_decay));
    case OptimizerKind::kRmsprop:
      return std::make_unique<torch::optim::RMSprop>(params, torch::optim::RMSpropOptions(c.lr)
                                                                 .alpha(c.alpha)
                                                                 .eps(c.eps)
                                                                 .momentum(c.momentum)
                                                                 .weight_decay(c.weight_decay));
    case OptimizerKind::kSgd:
      return std::make_unique<torch::optim::SGD>(
          params, torch::optim::SGDOptions(c.lr).momentum(c.momentum).weight_decay(c.weight_decay));
  }
  throw std::logic_error("make_optimizer: an optimizer without a case");
}

double scheduled_lr(const TrainConfig& config, double base_lr, int64_t steps_done, int64_t generator_iteration) {
  switch (config.lr_schedule) {
    case LrSchedule::kConstant: return base_lr;
    case LrSchedule::kInverseTime: return base_lr / (1.0 + config.lr_decay * static_cast<double>(steps_done));
    case LrSchedule::kLinear:
      return base_lr *
             std::max(0.0, 1.0 - static_cast<double>(generator_iteration) / static_cast<double>(config.iters));
  }
  throw std::logic_error("scheduled_lr: a schedule without a case");
}

void set_lr(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

}  // namespace wgan

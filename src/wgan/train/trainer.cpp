#include "wgan/train/trainer.h"

#include "wgan/core/random.h"
#include "wgan/train/optimizer_factory.h"

namespace wgan {

IterationValues to_values(const IterationStats& s) {
  IterationValues v;
  v.iteration = s.iteration;
  v.loss_d = s.loss_d.item<double>();
  v.loss_g = s.loss_g.item<double>();
  v.d_real = s.d_real.item<double>();
  v.d_fake = s.d_fake.item<double>();
  v.wasserstein_estimate = v.d_real - v.d_fake;
  v.has_penalty = s.penalty.defined();
  if (v.has_penalty) v.penalty = s.penalty.item<double>();
  return v;
}

torch::Tensor sample_noise(const TrainConfig& config, int64_t n, at::Generator& generator) {
  auto options = torch::TensorOptions().dtype(torch::kFloat32);
  if (config.noise == "uniform") return torch::rand({n, config.nz}, generator, options) * 2 - 1;
  return torch::randn({n, config.nz}, generator, options);
}

Trainer::Trainer(TrainConfig config, NetworkPair networks, std::shared_ptr<BatchSource> data,
                 torch::Device device)
    : config_(std::move(config)),
      networks_(std::move(networks)),
      data_(std::move(data)),
      device_(device),
      objective_(make_objective(config_)) {
  networks_.generator->to(device_);
  networks_.critic->to(device_);
  optimizer_d_ = make_optimizer(config_.optimizer_d, networks_.critic->parameters());
  optimizer_g_ = make_optimizer(config_.optimizer_g, networks_.generator->parameters());
}

int64_t Trainer::critic_steps_for(int64_t iteration) const {
  // The reference WGAN code's warm-up: a near-optimal critic early on and now and then.
  if (config_.critic_warmup && (iteration < 25 || iteration % 500 == 0)) return 100;
  return config_.n_critic;
}

void Trainer::step(torch::optim::Optimizer& optimizer, NetworkImpl& network, double base_lr,
                   int64_t& steps_done) {
  if (before_optimizer_step) before_optimizer_step(network);
  if (config_.lr_schedule != "constant")
    set_lr(optimizer, scheduled_lr(config_, base_lr, steps_done, iteration_));
  optimizer.step();
  ++steps_done;
}

CriticLoss Trainer::critic_step(int64_t k) {
  const int64_t batch = config_.batch_size;
  CriticBatch b;
  b.real = data_->batch(real_batches_drawn_++, batch).to(device_);
  {
    // The fake batch needs no graph: the critic step does not train the generator.
    torch::NoGradGuard no_grad;
    auto noise_gen = make_generator(config_.seed, Stream::kCriticNoise, iteration_, k);
    b.fake = networks_.generator->forward(sample_noise(config_, batch, noise_gen).to(device_));
  }
  if (objective_->needs_interpolation()) {
    auto alpha_gen = make_generator(config_.seed, Stream::kInterpolation, iteration_, k);
    b.alpha = torch::rand({batch}, alpha_gen).to(device_);
  }
  optimizer_d_->zero_grad();
  CriticLoss loss = objective_->critic_loss(*networks_.critic, b);
  loss.loss.backward();
  step(*optimizer_d_, *networks_.critic, config_.optimizer_d.lr, steps_d_);
  objective_->after_critic_step(*networks_.critic);
  return loss;
}

torch::Tensor Trainer::generator_step() {
  // The critic's weights need no gradients here: only the generator is updated.
  auto critic_params = networks_.critic->parameters();
  for (auto& p : critic_params) p.requires_grad_(false);
  optimizer_g_->zero_grad();
  auto noise_gen = make_generator(config_.seed, Stream::kGeneratorNoise, iteration_);
  auto fake = networks_.generator->forward(
      sample_noise(config_, config_.batch_size, noise_gen).to(device_));
  auto loss = objective_->generator_loss(networks_.critic->forward(fake));
  loss.backward();
  for (auto& p : critic_params) p.requires_grad_(true);
  step(*optimizer_g_, *networks_.generator, config_.optimizer_g.lr, steps_g_);
  return loss.detach();
}

IterationStats Trainer::train_iteration() {
  networks_.generator->train();
  networks_.critic->train();
  IterationStats stats;
  const int64_t steps = critic_steps_for(iteration_);
  for (int64_t k = 0; k < steps; ++k) {
    CriticLoss loss = critic_step(k);
    auto detached = loss.loss.detach();
    stats.loss_d = k == 0 ? detached : stats.loss_d + detached;
    stats.d_real = k == 0 ? loss.d_real : stats.d_real + loss.d_real;
    stats.d_fake = k == 0 ? loss.d_fake : stats.d_fake + loss.d_fake;
    if (loss.penalty.defined())
      stats.penalty = k == 0 ? loss.penalty : stats.penalty + loss.penalty;
  }
  stats.loss_d = stats.loss_d / steps;
  stats.d_real = stats.d_real / steps;
  stats.d_fake = stats.d_fake / steps;
  if (stats.penalty.defined()) stats.penalty = stats.penalty / steps;
  stats.loss_g = generator_step();
  stats.critic_steps = steps;
  stats.iteration = ++iteration_;
  return stats;
}

torch::Tensor Trainer::generate(int64_t n, at::Generator& generator) {
  torch::NoGradGuard no_grad;
  return networks_.generator->forward(sample_noise(config_, n, generator).to(device_)).cpu();
}

}  // namespace wgan

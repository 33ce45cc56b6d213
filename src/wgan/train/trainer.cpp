#include "wgan/train/trainer.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/nets/autocast.h"
#include "wgan/nets/fast_layers.h"
#include "wgan/nets/normalization.h"
#include "wgan/train/generator_average.h"
#include "wgan/train/optimizer_factory.h"

namespace wgan {
namespace {
// The augmentation draw of the generator step, beyond any critic step's 2k and 2k + 1.
constexpr uint64_t kGeneratorStepDraw = ~uint64_t{0};
}  // namespace

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
  const auto options = draw_options();
  if (config.noise == Noise::kUniform) return torch::rand({n, config.nz}, generator, options) * 2 - 1;
  return torch::randn({n, config.nz}, generator, options);
}

torch::Tensor truncated_noise(const TrainConfig& config, int64_t n, double threshold, at::Generator& generator) {
  // Uniform noise in [-1, 1] restricted to [-t, t] is the same noise scaled.
  if (config.noise == Noise::kUniform) return sample_noise(config, n, generator) * std::min(threshold, 1.0);
  // Above 8 the normal's mass outside is below 1e-15, and erf(8 / sqrt 2) is 1 in double.
  if (threshold >= 8) return sample_noise(config, n, generator);
  // By the inverse of the CDF, not by drawing again: no loop, however narrow the interval.
  const torch::Tensor v = torch::rand({n, config.nz}, generator, draw_options(torch::kFloat64)) * 2 - 1;  // U(-1, 1)
  const double inside = std::erf(threshold / std::sqrt(2.0));                       // the mass of [-t, t]
  return (std::sqrt(2.0) * torch::erfinv(v * inside)).to(torch::kFloat32);
}

Trainer::Trainer(TrainConfig config, NetworkPair networks, std::shared_ptr<BatchSource> data, torch::Device device)
    : config_(std::move(config)),
      networks_(std::move(networks)),
      data_(std::move(data)),
      device_(device),
      nonfinite_(device),
      objective_(make_objective(objective_options(config_))),
      augment_(parse_augmentations(config_.augment)) {
  networks_.generator->to(device_);
  networks_.critic->to(device_);
  if (networks_.averaged_generator) {
    networks_.averaged_generator->to(device_);
    set_fast_layers(*networks_.averaged_generator, config_.fast_paths);
  }
  optimizer_d_ = make_optimizer(config_.optimizer_d, networks_.critic->parameters());
  optimizer_g_ = make_optimizer(config_.optimizer_g, networks_.generator->parameters());
  joint_critic_pass_ = config_.fast_paths && !has_batch_norm(*networks_.critic);
  set_fast_layers(*networks_.generator, config_.fast_paths);
  set_fast_layers(*networks_.critic, config_.fast_paths);
  bf16_ = config_.precision == Precision::kBf16;
}

void Trainer::set_rank(int64_t rank, int64_t world_size) {
  rank_ = rank;
  world_size_ = world_size;
}

torch::Tensor Trainer::my_rows(const torch::Tensor& global) const {
  if (world_size_ == 1) return global;
  const int64_t n = global.size(0) / world_size_;
  return global.slice(0, rank_ * n, (rank_ + 1) * n);
}

torch::Tensor Trainer::augmented(const torch::Tensor& batch, uint64_t index) const {
  if (!augment_.enabled()) return batch;
  auto gen = make_generator(config_.seed, Stream::kAugment, counters_.iteration, index);
  const int64_t n = batch.size(0);
  const AugmentationDraw global = augment_.draw(n * world_size_, batch.size(2), batch.size(3), gen);
  return augment_.apply(batch, world_size_ == 1 ? global : global.rows(rank_ * n, (rank_ + 1) * n));
}

int64_t Trainer::critic_steps_for(int64_t iteration) const {
  // The reference WGAN code's warm-up: a near-optimal critic early on and now and then.
  if (config_.critic_warmup && (iteration < 25 || iteration % 500 == 0)) return 100;
  return config_.n_critic;
}

void Trainer::step(torch::optim::Optimizer& optimizer, NetworkImpl& network, const torch::Tensor& loss, double base_lr,
                   int64_t& steps_done, NonFiniteWatch::Network which) {
  if (before_optimizer_step) before_optimizer_step(network);
  // One value covers the loss and every gradient: a NaN or Inf anywhere makes the sum
  // non-finite.
  torch::Tensor total = loss.detach().to(torch::kFloat64);
  for (const auto& p : network.parameters())
    if (p.grad().defined()) total = total + p.grad().sum().to(torch::kFloat64);
  if (config_.on_nan == OnNan::kSkip) {
    // Skipping decides this step, so it reads the value back now (a synchronisation on a GPU).
    if (!std::isfinite(total.item<double>())) {
      optimizer.zero_grad();
      ++counters_.skipped_steps;
      return;
    }
  } else {
    nonfinite_.note(total, counters_.iteration + 1, which);  // read by check_divergence
  }
  if (config_.lr_schedule != LrSchedule::kConstant)
    set_lr(optimizer, scheduled_lr(config_, base_lr, steps_done, counters_.iteration));
  optimizer.step();
  ++steps_done;
}

CriticLoss Trainer::critic_step(int64_t k) {
  const int64_t batch = config_.batch_size;
  CriticBatch b;
  b.real = my_rows(data_->batch(counters_.real_batches_drawn++, batch * world_size_)).to(device_);
  auto noise_gen = make_generator(config_.seed, Stream::kCriticNoise, counters_.iteration, k);
  const auto noise = my_rows(sample_noise(config_, batch * world_size_, noise_gen)).to(device_);
  std::optional<AutocastScope> autocast(std::in_place, device_, bf16_);  // until backward
  if (config_.fast_paths) {
    // The fake batch needs no graph: the critic step does not train the generator.
    torch::NoGradGuard no_grad;
    b.fake = networks_.generator->forward(noise).to(torch::kFloat32);
  } else {
    // As the seeds: a graph, then dropped.
    b.fake = networks_.generator->forward(noise).detach().to(torch::kFloat32);
  }
  // Real and fake each with their own values (draws 2k and 2k + 1 of the iteration).
  b.real = augmented(b.real, 2 * k);
  b.fake = augmented(b.fake, 2 * k + 1);
  b.joint_pass = joint_critic_pass_;
  b.critic_step = counters_.steps_d;
  if (objective_->needs_interpolation()) {
    auto alpha_gen = make_generator(config_.seed, Stream::kInterpolation, counters_.iteration, k);
    b.alpha = my_rows(torch::rand({batch * world_size_}, alpha_gen, draw_options())).to(device_);
  }
  optimizer_d_->zero_grad();
  CriticLoss loss = objective_->critic_loss(*networks_.critic, b);
  autocast.reset();  // backward runs in the types the forward chose, outside autocast
  loss.loss.backward();
  step(*optimizer_d_, *networks_.critic, loss.loss, config_.optimizer_d.lr, counters_.steps_d,
       NonFiniteWatch::Network::kCritic);
  objective_->after_critic_step(*networks_.critic);
  return loss;
}

torch::Tensor Trainer::generator_step() {
  // The critic's weights need no gradients here: only the generator is updated (the
  // straightforward way computes them and the next critic step zeroes them).
  auto critic_params = networks_.critic->parameters();
  if (config_.fast_paths)
    for (auto& p : critic_params) p.requires_grad_(false);
  optimizer_g_->zero_grad();
  auto noise_gen = make_generator(config_.seed, Stream::kGeneratorNoise, counters_.iteration);
  const auto noise = my_rows(sample_noise(config_, config_.batch_size * world_size_, noise_gen)).to(device_);
  torch::Tensor loss;
  {
    AutocastScope autocast(device_, bf16_);
    // The generator's gradient passes through the augmentation (a draw no critic step uses).
    const auto fake = augmented(networks_.generator->forward(noise), kGeneratorStepDraw);
    loss = objective_->generator_loss(critic_output(*networks_.critic, fake));
  }
  loss.backward();
  for (auto& p : critic_params) p.requires_grad_(true);
  step(*optimizer_g_, *networks_.generator, loss, config_.optimizer_g.lr, counters_.steps_g,
       NonFiniteWatch::Network::kGenerator);
  return loss.detach();
}

void Trainer::average_generator() {
  if (!networks_.averaged_generator) return;
  const int64_t global_batch = config_.batch_size * world_size_;
  const double beta = averaging_beta(averaging_schedule(config_), global_batch, counters_.iteration * global_batch);
  update_average(*networks_.averaged_generator, *networks_.generator, beta);
}

IterationStats Trainer::train_iteration() {
  networks_.generator->train();
  networks_.critic->train();
  IterationStats stats;
  const int64_t steps = critic_steps_for(counters_.iteration);
  int64_t penalised = 0;
  for (int64_t k = 0; k < steps; ++k) {
    CriticLoss loss = critic_step(k);
    auto detached = loss.loss.detach();
    stats.loss_d = k == 0 ? detached : stats.loss_d + detached;
    stats.d_real = k == 0 ? loss.d_real : stats.d_real + loss.d_real;
    stats.d_fake = k == 0 ? loss.d_fake : stats.d_fake + loss.d_fake;
    if (loss.penalty.defined())  // a lazy constraint adds its penalty on some steps only
      stats.penalty = penalised++ == 0 ? loss.penalty : stats.penalty + loss.penalty;
  }
  stats.loss_d = stats.loss_d / steps;
  stats.d_real = stats.d_real / steps;
  stats.d_fake = stats.d_fake / steps;
  if (penalised > 0) stats.penalty = stats.penalty / penalised;
  stats.loss_g = generator_step();
  average_generator();
  stats.critic_steps = steps;
  stats.iteration = ++counters_.iteration;
  return stats;
}

CheckpointState Trainer::checkpoint_state(double elapsed_s) const {
  CheckpointState state;
  state.config = config_;
  state.networks = networks_;
  state.optimizer_d = optimizer_d_.get();
  state.optimizer_g = optimizer_g_.get();
  state.counters = counters_;
  state.elapsed_s = elapsed_s;
  return state;
}

double Trainer::restore(const std::string& checkpoint_path) {
  CheckpointState state = checkpoint_state(0);
  load_checkpoint_into(checkpoint_path, state, device_);
  counters_ = state.counters;
  return state.elapsed_s;
}

}  // namespace wgan

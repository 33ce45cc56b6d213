// One generator iteration = n_critic critic steps, then one generator step. This class is the
// whole training step and nothing else: no files, no console (see run.h for those).
#pragma once
#include <torch/optim/optimizer.h>
#include <torch/types.h>

#include <functional>
#include <memory>

#include "wgan/config/config.h"
#include "wgan/data/batch_source.h"
#include "wgan/data/diff_augment.h"
#include "wgan/objectives/objective.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/networks.h"
#include "wgan/train/nonfinite_watch.h"

namespace wgan {

// Values of one generator iteration as 0-d tensors (averages over its critic steps), so that
// reading them back to the host (a synchronisation on a GPU) happens only when they are logged.
struct IterationStats {
  int64_t iteration = 0;  // generator iterations done, this one included
  int64_t critic_steps = 0;
  torch::Tensor loss_d, loss_g, d_real, d_fake, penalty;
};

// The same values on the host.
struct IterationValues {
  int64_t iteration = 0;
  double loss_d = 0, loss_g = 0, d_real = 0, d_fake = 0;
  double wasserstein_estimate = 0;  // d_real - d_fake
  bool has_penalty = false;
  double penalty = 0;
};
IterationValues to_values(const IterationStats& stats);

// Noise of the configured distribution, [n, nz], drawn on the CPU.
torch::Tensor sample_noise(const TrainConfig& config, int64_t n, at::Generator& generator);
// The truncation trick (BigGAN, Brock et al. 2019): the same distribution restricted to
// [-threshold, threshold] (as if every value outside were drawn again). Samples then come from
// the generator's denser region: each looks better, the set is less varied. threshold > 0.
torch::Tensor truncated_noise(const TrainConfig& config, int64_t n, double threshold, at::Generator& generator);

class Trainer {
 public:
  Trainer(TrainConfig config, NetworkPair networks, std::shared_ptr<BatchSource> data, torch::Device device);

  // One iteration. Under --on-nan stop it reads nothing back: a non-finite loss or gradient
  // is noted on the device and reported by check_divergence.
  IterationStats train_iteration();
  // Throws DivergenceError naming the first non-finite step so far (--on-nan stop): one host
  // read, which the run makes where it reads anything else.
  void check_divergence() const { nonfinite_.check(); }
  // The same after an iteration, where the read is free (the CPU); elsewhere a no-op.
  void check_divergence_if_free() const { nonfinite_.check_if_free(); }
  const NonFiniteWatch& nonfinite_watch() const { return nonfinite_; }

  int64_t iteration() const { return counters_.iteration; }
  const TrainingCounters& counters() const { return counters_; }

  // The whole training state, for save_checkpoint.
  CheckpointState checkpoint_state(double elapsed_s) const;
  // Restores networks, optimisers and counters from a checkpoint of the same configuration;
  // returns the training time recorded in it.
  double restore(const std::string& checkpoint_path);
  const TrainConfig& config() const { return config_; }
  NetworkImpl& generator() { return *networks_.generator; }
  NetworkImpl& critic() { return *networks_.critic; }
  // What pictures and evaluations sample from: sampling_generator(networks(), which).
  NetworkImpl& sampling_generator(GeneratorChoice which) { return wgan::sampling_generator(networks_, which); }
  const NetworkPair& networks() const { return networks_; }
  torch::Device device() const { return device_; }

  // Called between backward and the optimiser step of either network: the one place where
  // data-parallel training all-reduces gradients.
  std::function<void(NetworkImpl&)> before_optimizer_step;

  // Data-parallel rank `rank` of `world_size`, each with config.batch_size samples: real data,
  // noise and interpolation weights are drawn for the global batch (world_size x batch_size,
  // exactly as one process with that batch draws them) and this rank takes its rows.
  void set_rank(int64_t rank, int64_t world_size);

 private:
  CriticLoss critic_step(int64_t step_in_iteration);
  torch::Tensor generator_step();
  // The averaged generator's update after the generator step (--g-ema).
  void average_generator();
  int64_t critic_steps_for(int64_t iteration) const;
  // Checks the loss and gradients, then steps (or, under --on-nan skip, does not).
  void step(torch::optim::Optimizer& optimizer, NetworkImpl& network, const torch::Tensor& loss, double base_lr,
            int64_t& steps_done, NonFiniteWatch::Network which);

  TrainConfig config_;
  NetworkPair networks_;
  std::shared_ptr<BatchSource> data_;
  torch::Device device_;
  NonFiniteWatch nonfinite_;
  std::unique_ptr<Objective> objective_;
  DiffAugment augment_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_d_, optimizer_g_;
  TrainingCounters counters_;
  bool joint_critic_pass_ = false;  // fast path: real and fake in one critic pass
  bool bf16_ = false;               // --precision bf16: forward passes under autocast
  int64_t rank_ = 0, world_size_ = 1;

  // `batch` through --augment with the values of draw `index` of this iteration (this rank's
  // rows of a global-batch draw); `batch` itself without augmentation.
  torch::Tensor augmented(const torch::Tensor& batch, uint64_t index) const;

  // This rank's rows of a global-batch draw.
  torch::Tensor my_rows(const torch::Tensor& global) const;
};

}  // namespace wgan

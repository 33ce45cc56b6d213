// Every option of a training run, resolved. This is what config.json holds and what a
// checkpoint carries; nothing here knows about the command line.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace wgan {

struct OptimizerConfig {
  std::string name = "adam";  // adam | rmsprop | sgd
  double lr = 1e-4;
  double beta1 = 0.5;   // adam
  double beta2 = 0.9;   // adam
  double alpha = 0.99;  // rmsprop smoothing constant
  double eps = 1e-8;
  double momentum = 0.0;  // sgd and rmsprop
  double weight_decay = 0.0;
};

struct TrainConfig {
  std::string preset;  // empty when none was used
  std::string dataset = "gaussians25";
  std::string loss = "wgan-gp";  // gan | wgan | wgan-gp
  std::string arch = "mlp";

  int64_t iters = 2000;  // generator iterations
  int64_t batch_size = 256;
  int64_t n_critic = 5;
  bool critic_warmup = false;  // 100 critic steps for the first 25 iterations and every 500th

  OptimizerConfig optimizer_d;
  OptimizerConfig optimizer_g;
  std::string lr_schedule = "constant";  // constant | inverse-time | linear
  double lr_decay = 0.0;                 // inverse-time: lr / (1 + decay * step)

  bool clip_enabled = true;  // wgan only
  double clip = 0.01;
  std::string clip_scope = "all";  // all | weights (normalisation gamma/beta left alone)
  double gp_lambda = 10.0;

  int64_t nz = 2;
  std::string noise = "normal";  // normal | uniform in [-1, 1]
  int64_t g_width = 512, g_depth = 3;
  int64_t d_width = 512, d_depth = 3;
  std::string activation = "relu";  // relu | leaky-relu | elu
  int64_t toy_points = 0;           // 0: fresh samples every batch

  uint64_t seed = 1;
  int64_t threads = 0;  // 0: all cores
  std::string device = "cpu";

  int64_t log_every = 10;     // metrics.jsonl
  int64_t print_every = 100;  // console
  int64_t eval_every = 500;   // toy metrics; 0 only at the end
  int64_t eval_samples = 2500;
  int64_t checkpoint_every = 1000;  // 0: only the final checkpoint
  int64_t keep_checkpoints = 3;     // periodic checkpoints kept (the newest)
  std::string on_nan = "stop";      // stop | skip: a non-finite loss or gradient
  bool quiet = false;
};

// Defaults of an objective: the optimiser, its settings and n_critic of the papers.
void apply_loss_defaults(TrainConfig& config);

// Throws UsageError naming the first invalid value and what was expected.
void validate(const TrainConfig& config);

nlohmann::json to_json(const TrainConfig& config);
TrainConfig config_from_json(const nlohmann::json& json);

// Choice lists, for validation messages and the command line's help.
const std::vector<std::string>& loss_names();
const std::vector<std::string>& optimizer_names();
const std::vector<std::string>& lr_schedule_names();
const std::vector<std::string>& noise_names();
const std::vector<std::string>& activation_names();
const std::vector<std::string>& dataset_names();
const std::vector<std::string>& on_nan_names();
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");

}  // namespace wgan

// Every option of a training run, resolved. This is what config.json holds and what a
// checkpoint carries. The members and their defaults are here; everything else about an
// option (its key, flag, help, check and resume rule) is its row in option_table.h.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wgan/core/choice.h"
#include "wgan/core/names.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/image_limits.h"
#include "wgan/nets/mlp.h"
#include "wgan/nets/normalization.h"
#include "wgan/objectives/objective_registry.h"
#include "wgan/viz/image_grid.h"

namespace wgan {

// The typed choices of a run (core/choice.h): the names are config.json's and the flags'.
enum class OptimizerKind { kAdam, kRmsprop, kSgd };
inline constexpr ChoiceName<OptimizerKind> kOptimizerNames[] = {
    {OptimizerKind::kAdam, "adam"}, {OptimizerKind::kRmsprop, "rmsprop"}, {OptimizerKind::kSgd, "sgd"}};
constexpr const auto& choice_table(OptimizerKind) { return kOptimizerNames; }

enum class LrSchedule { kConstant, kInverseTime, kLinear };
inline constexpr ChoiceName<LrSchedule> kLrScheduleNames[] = {
    {LrSchedule::kConstant, "constant"}, {LrSchedule::kInverseTime, "inverse-time"}, {LrSchedule::kLinear, "linear"}};
constexpr const auto& choice_table(LrSchedule) { return kLrScheduleNames; }

enum class Noise { kNormal, kUniform };  // uniform: in [-1, 1]
inline constexpr ChoiceName<Noise> kNoiseNames[] = {{Noise::kNormal, "normal"}, {Noise::kUniform, "uniform"}};
constexpr const auto& choice_table(Noise) { return kNoiseNames; }

enum class OnNan { kStop, kSkip };  // what a non-finite loss or gradient does
inline constexpr ChoiceName<OnNan> kOnNanNames[] = {{OnNan::kStop, "stop"}, {OnNan::kSkip, "skip"}};
constexpr const auto& choice_table(OnNan) { return kOnNanNames; }

enum class Precision { kFp32, kBf16 };
inline constexpr ChoiceName<Precision> kPrecisionNames[] = {{Precision::kFp32, "fp32"}, {Precision::kBf16, "bf16"}};
constexpr const auto& choice_table(Precision) { return kPrecisionNames; }

enum class ClipScope { kAll, kWeights };  // weights: normalisation gamma/beta left alone
inline constexpr ChoiceName<ClipScope> kClipScopeNames[] = {{ClipScope::kAll, "all"}, {ClipScope::kWeights, "weights"}};
constexpr const auto& choice_table(ClipScope) { return kClipScopeNames; }

// The generator pictures and evaluations use: auto (the average when there is one), raw, ema,
// or both (the average's metrics, and the raw one's beside them).
enum class GeneratorChoice { kAuto, kRaw, kEma, kBoth };
inline constexpr ChoiceName<GeneratorChoice> kGeneratorChoiceNames[] = {{GeneratorChoice::kAuto, "auto"},
                                                                        {GeneratorChoice::kRaw, "raw"},
                                                                        {GeneratorChoice::kEma, "ema"},
                                                                        {GeneratorChoice::kBoth, "both"}};
constexpr const auto& choice_table(GeneratorChoice) { return kGeneratorChoiceNames; }

struct OptimizerConfig {
  OptimizerKind name = OptimizerKind::kAdam;
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
  std::string loss = "wgan-gp";     // a loss of the registry (objectives/objective_registry.h)
  std::string constraint = "auto";  // a constraint of the registry; auto: the loss's own
  std::string arch = "auto";        // auto: mlp for 2-D data, dcgan for images

  int64_t iters = 2000;    // generator iterations
  int64_t batch_size = 0;  // per rank; 0: 256 for 2-D data, 64 for images
  int64_t world_size = 1;  // data-parallel ranks: the global batch is world_size x batch_size
  int64_t n_critic = 5;
  bool critic_warmup = false;  // 100 critic steps for the first 25 iterations and every 500th

  OptimizerConfig optimizer_d;
  OptimizerConfig optimizer_g;
  LrSchedule lr_schedule = LrSchedule::kConstant;
  double lr_decay = 0.0;  // inverse-time: lr / (1 + decay * step)

  std::optional<double> clip = kDefaultClip;  // the clip constraint's bound; none: --clip none
  ClipScope clip_scope = ClipScope::kAll;
  double gp_lambda = kDefaultGpLambda;  // gp and lp
  double r1_gamma = kDefaultR1Gamma;
  int64_t r1_every = kDefaultR1Every;

  // Generator averaging (train/generator_average.h): a copy of the generator following an
  // exponential moving average of its weights, set by a half-life in images (stylegan2-ada).
  bool g_ema = false;
  double g_ema_kimg = 10;            // half-life in thousands of images
  double g_ema_rampup = 0.05;        // > 0: the half-life is at most this times the images seen so far
  std::optional<double> g_ema_beta;  // a fixed beta per generator step instead of the half-life
  GeneratorChoice generator = GeneratorChoice::kAuto;  // what pictures and evaluations use

  int64_t nz = 0;  // 0: 2 for 2-D data, 100 for images
  Noise noise = Noise::kNormal;
  int64_t g_width = 512, g_depth = 3;
  int64_t d_width = 512, d_depth = 3;
  Activation activation = Activation::kReLU;
  int64_t toy_points = 0;  // 0: fresh samples every batch

  // Image data and networks (docs/datasets.md).
  std::string data_dir;  // --data
  Split split = Split::kAuto;
  int64_t image_size = 0;  // 0: the dataset's own (28 MNIST, 32 CIFAR-10, 64 folders)
  int64_t channels = 0;    // 0: the dataset's own (folders: 3)
  std::string data_cache;  // cache of decoded image folders; empty: <run's parent>/.wgan-cache
  int64_t max_image_pixels = kDefaultMaxImagePixels;  // folders: larger images are refused
  std::string features;                // feature network (TorchScript) of FID/KID for images; empty: none
  int64_t ngf = 64, ndf = 64;          // width of the image networks
  std::optional<Norm> norm_g, norm_d;  // none given: auto, the family's default
  int64_t extra_layers = 0;            // dcgan: extra 3x3 layers at the smallest size
  bool allow_bn_critic = false;        // wgan-gp with a batch-norm critic
  std::string augment = "none";        // DiffAugment before every critic evaluation: e.g. translation,cutout,color
  int64_t sample_every = 500;          // grids (images) or critic maps (2-D); 0: only at the end
  GridScaling grid_normalize = GridScaling::kRange;

  uint64_t seed = 1;
  int64_t threads = 0;      // 0: all cores
  bool share_cores = true;  // fewer threads while other processes are busy (core/free_cores.h)
  std::string device = "cpu";

  int64_t log_every = 10;         // metrics.jsonl
  bool tensorboard = true;        // event files beside metrics.jsonl (docs/tensorboard.md)
  int64_t histogram_every = 500;  // TensorBoard histograms of the weights; 0: none
  int64_t print_every = 100;      // console
  int64_t eval_every = 500;       // toy metrics; 0 only at the end
  int64_t eval_samples = 2500;
  int64_t checkpoint_every = 1000;  // 0: only the final checkpoint
  int64_t keep_checkpoints = 3;     // periodic checkpoints kept (the newest)
  OnNan on_nan = OnNan::kStop;
  bool quiet = false;
  bool force = false;  // start even when the estimated memory exceeds what is available
  // Skipped work that does not change the mathematics (docs/performance.md): no graph for the
  // critic's fake batch, no critic weight gradients in the generator step, real and fake in one
  // critic pass when the critic has no batch norm. Off: the straightforward computation.
  bool fast_paths = true;
  // bf16: the networks' matrix products and convolutions under autocast (bfloat16 inputs,
  // float32 accumulation and weights); losses, optimisers and metrics stay float32.
  Precision precision = Precision::kFp32;
};

// Defaults of an objective: the optimiser, its settings and n_critic of the papers.
void apply_loss_defaults(TrainConfig& config);

// Fills in the choices left to "auto" (arch, normalisation) or 0 (nz, batch size) from the
// dataset, architecture and loss. Idempotent; the command line calls it before validate().
void resolve_automatic_choices(TrainConfig& config);

// True for the 2-D toy distributions, false for image datasets.
bool is_toy_dataset(const std::string& dataset);

// The value of a choice worked out from the others (--arch auto, --constraint auto).
inline constexpr const char* kAuto = "auto";
// The family of 2-D data's networks.
inline constexpr const char* kPointsArch = "mlp";
// The dataset of a program's own data (RunParts::data, run.h): not one the command line can load.
inline constexpr const char* kCustomDataset = "custom";
// The network family of a program's own networks (RunParts::make_generator): wgan cannot
// rebuild them from a configuration.
inline constexpr const char* kCustomArch = "custom";
bool is_custom_dataset(const std::string& dataset);

// Throws an OptionError (option_table.h) naming the first invalid value and what was expected:
// every option's own check, then the rules between options.
void validate(const TrainConfig& config);

// config.json: every option of the table (option_table.h).
nlohmann::json to_json(const TrainConfig& config);
TrainConfig config_from_json(const nlohmann::json& json);
// The same from JSON text (a checkpoint's or config.json); UsageError when it is not JSON.
TrainConfig config_from_json_text(const std::string& text);

// What the objective is built from, and the constraint the configuration resolves to.
ObjectiveOptions objective_options(const TrainConfig& config);

// The datasets --dataset takes: the toys, the image datasets and custom.
const std::vector<std::string>& dataset_names();

}  // namespace wgan

#include "wgan/train/config.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "wgan/core/error.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/toy.h"
#include "wgan/nets/image_networks.h"

namespace wgan {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void require_choice(const std::string& flag, const std::string& value,
                    const std::vector<std::string>& choices) {
  if (!contains(choices, value))
    throw UsageError(flag + ": unknown value '" + value + "'; expected one of " + join(choices));
}

void require_positive(const std::string& flag, double value) {
  if (!(value > 0))
    throw UsageError(flag + ": expected a positive number, got " + std::to_string(value));
}

void require_non_negative(const std::string& flag, double value) {
  if (!(value >= 0))
    throw UsageError(flag + ": expected a number >= 0, got " + std::to_string(value));
}

void validate_optimizer(const std::string& which, const OptimizerConfig& o) {
  require_choice("--optimizer" + which, o.name, optimizer_names());
  require_positive("--lr" + which, o.lr);
  if (!(o.beta1 >= 0 && o.beta1 < 1))
    throw UsageError("--beta1: expected a value in [0, 1), got " + std::to_string(o.beta1));
  if (!(o.beta2 >= 0 && o.beta2 < 1))
    throw UsageError("--beta2: expected a value in [0, 1), got " + std::to_string(o.beta2));
  require_non_negative("--weight-decay", o.weight_decay);
}

nlohmann::json optimizer_json(const OptimizerConfig& o) {
  return {{"name", o.name},          {"lr", o.lr},   {"beta1", o.beta1},
          {"beta2", o.beta2},        {"alpha", o.alpha}, {"eps", o.eps},
          {"momentum", o.momentum},  {"weight_decay", o.weight_decay}};
}

OptimizerConfig optimizer_from_json(const nlohmann::json& j) {
  OptimizerConfig o;
  o.name = j.at("name").get<std::string>();
  o.lr = j.at("lr").get<double>();
  o.beta1 = j.at("beta1").get<double>();
  o.beta2 = j.at("beta2").get<double>();
  o.alpha = j.at("alpha").get<double>();
  o.eps = j.at("eps").get<double>();
  o.momentum = j.at("momentum").get<double>();
  o.weight_decay = j.at("weight_decay").get<double>();
  return o;
}

}  // namespace

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> v = {"gan", "wgan", "wgan-gp"};
  return v;
}
const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> v = {"adam", "rmsprop", "sgd"};
  return v;
}
const std::vector<std::string>& lr_schedule_names() {
  static const std::vector<std::string> v = {"constant", "inverse-time", "linear"};
  return v;
}
const std::vector<std::string>& noise_names() {
  static const std::vector<std::string> v = {"normal", "uniform"};
  return v;
}
const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> v = {"relu", "leaky-relu", "elu"};
  return v;
}
const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> names = ToyDistribution::names();
    for (const auto& name : image_dataset_names()) names.push_back(name);
    return names;
  }();
  return v;
}
const std::vector<std::string>& arch_names() {
  static const std::vector<std::string> v = {"mlp", "dcgan", "dcgan-mnist", "dcgan-dense"};
  return v;
}
const std::vector<std::string>& norm_names() {
  static const std::vector<std::string> v = {"batch", "instance", "layer", "none"};
  return v;
}
const std::vector<std::string>& split_names() {
  static const std::vector<std::string> v = {"auto", "train", "test", "all"};
  return v;
}

bool is_toy_dataset(const std::string& dataset) { return ToyDistribution::is_toy(dataset); }

void resolve_automatic_choices(TrainConfig& c) {
  const bool toy = is_toy_dataset(c.dataset);
  if (c.nz == 0) c.nz = toy ? 2 : 100;
  if (c.batch_size == 0) c.batch_size = toy ? 256 : 64;
  if (!toy && contains(image_dataset_names(), c.dataset)) {
    const ImageShape native = native_image_shape(c.dataset);
    if (c.image_size == 0) c.image_size = native.size;
    if (c.channels == 0) c.channels = native.channels;
  }
  // Images: the DCGAN where the size allows it (16 * 2^k), else seed 004's networks (MNIST's
  // 28x28), else MLPs.
  if (c.arch == "auto") {
    if (toy)
      c.arch = "mlp";
    else if (image_size_problem("dcgan", c.image_size).empty())
      c.arch = "dcgan";
    else if (image_size_problem("dcgan-mnist", c.image_size).empty())
      c.arch = "dcgan-mnist";
    else
      c.arch = "mlp";
  }
  // The DCGAN family normalises with batch norm, except a WGAN-GP critic, which must treat
  // samples independently: layer norm there, as in the WGAN-GP paper's ResNet.
  const bool dcgan_family = c.arch == "dcgan" || c.arch == "dcgan-dense";
  if (c.norm_g == "auto") c.norm_g = dcgan_family ? "batch" : "none";
  if (c.norm_d == "auto") {
    if (c.arch == "dcgan")
      c.norm_d = c.loss == "wgan-gp" ? "layer" : "batch";
    else
      c.norm_d = "none";  // dcgan-dense: seed 003's critic has none; dcgan-mnist: seed 004's
  }
}
const std::vector<std::string>& precision_names() {
  static const std::vector<std::string> v = {"fp32", "bf16"};
  return v;
}

const std::vector<std::string>& on_nan_names() {
  static const std::vector<std::string> v = {"stop", "skip"};
  return v;
}

void apply_loss_defaults(TrainConfig& c) {
  OptimizerConfig o;
  if (c.loss == "wgan") {
    // Arjovsky et al.: RMSProp 5e-5 (PyTorch's alpha 0.99, eps 1e-8), c = 0.01, n_critic 5.
    o.name = "rmsprop";
    o.lr = 5e-5;
    c.n_critic = 5;
  } else if (c.loss == "wgan-gp") {
    // Gulrajani et al., Algorithm 1 with the scripts' beta1: Adam 1e-4, (0.5, 0.9), lambda 10.
    o.name = "adam";
    o.lr = 1e-4;
    o.beta1 = 0.5;
    o.beta2 = 0.9;
    c.n_critic = 5;
  } else if (c.loss == "gan") {
    // DCGAN: Adam 2e-4, (0.5, 0.999), one discriminator step per generator step.
    o.name = "adam";
    o.lr = 2e-4;
    o.beta1 = 0.5;
    o.beta2 = 0.999;
    c.n_critic = 1;
  }
  c.optimizer_d = o;
  c.optimizer_g = o;
}

void validate(const TrainConfig& c) {
  require_choice("--dataset", c.dataset, dataset_names());
  require_choice("--loss", c.loss, loss_names());
  require_choice("--arch", c.arch, arch_names());
  require_choice("--norm-g", c.norm_g, norm_names());
  require_choice("--norm-d", c.norm_d, norm_names());
  require_choice("--split", c.split, split_names());
  require_choice("--grid-normalize", c.grid_normalize, {"range", "batch", "each"});
  if (!is_toy_dataset(c.dataset)) {
    if (c.data_dir.empty())
      throw UsageError("--data: dataset '" + c.dataset + "' needs --data DIR (" +
                       describe_expected_files(c.dataset) + ")");
    if (c.channels != 1 && c.channels != 3)
      throw UsageError("--channels: expected 1 or 3, got " + std::to_string(c.channels));
    if (c.arch == "mlp" && c.image_size <= 0)
      throw UsageError("--image-size: expected a positive integer, got " +
                       std::to_string(c.image_size));
    const std::string problem = image_size_problem(c.arch, c.image_size);
    if (!problem.empty()) throw UsageError("--image-size " + std::to_string(c.image_size) + ": " + problem);
  } else if (c.arch != "mlp") {
    throw UsageError("--arch " + c.arch + ": 2-D data needs --arch mlp");
  }
  if (c.loss == "wgan-gp" && c.norm_d == "batch" && !c.allow_bn_critic)
    throw UsageError(
        "--norm-d batch: a batch-norm critic is refused under wgan-gp, because the gradient "
        "penalty is per sample and batch norm mixes the samples of a batch; expected --norm-d "
        "layer, instance or none (or --allow-bn-critic to force it)");
  require_choice("--lr-schedule", c.lr_schedule, lr_schedule_names());
  require_choice("--noise", c.noise, noise_names());
  require_choice("--activation", c.activation, activation_names());
  require_choice("--clip-scope", c.clip_scope, {"all", "weights"});
  require_choice("--on-nan", c.on_nan, on_nan_names());
  require_choice("--precision", c.precision, precision_names());
  validate_optimizer("-d", c.optimizer_d);
  validate_optimizer("-g", c.optimizer_g);
  require_non_negative("--lr-decay", c.lr_decay);
  if (c.clip_enabled) require_positive("--clip", c.clip);
  require_non_negative("--gp-lambda", c.gp_lambda);
  const std::pair<const char*, int64_t> positives[] = {
      {"--iters", c.iters},         {"--batch-size", c.batch_size}, {"--n-critic", c.n_critic},
      {"--nz", c.nz},               {"--g-width", c.g_width},       {"--d-width", c.d_width},
      {"--ngf", c.ngf},             {"--ndf", c.ndf},
      {"--log-every", c.log_every}, {"--print-every", c.print_every},
      {"--eval-samples", c.eval_samples}, {"--keep-checkpoints", c.keep_checkpoints}};
  for (const auto& [flag, value] : positives)
    if (value <= 0)
      throw UsageError(std::string(flag) + ": expected a positive integer, got " +
                       std::to_string(value));
  const std::pair<const char*, int64_t> non_negatives[] = {
      {"--g-depth", c.g_depth}, {"--d-depth", c.d_depth}, {"--toy-points", c.toy_points},
      {"--threads", c.threads}, {"--eval-every", c.eval_every},
      {"--checkpoint-every", c.checkpoint_every}, {"--extra-layers", c.extra_layers},
      {"--sample-every", c.sample_every}};
  for (const auto& [flag, value] : non_negatives)
    if (value < 0)
      throw UsageError(std::string(flag) + ": expected an integer >= 0, got " +
                       std::to_string(value));
  if (!c.features.empty() && is_toy_dataset(c.dataset))
    throw UsageError("--features " + c.features + ": 2-D data is measured by W1 and the mode metrics; "
                     "--features is for image datasets");
  if (c.device != "cpu" && c.device != "auto" && c.device.rfind("cuda", 0) != 0)
    throw UsageError("--device: unknown device '" + c.device + "'; expected cpu, cuda, cuda:N or auto");
}

nlohmann::json to_json(const TrainConfig& c) {
  return {{"preset", c.preset},
          {"dataset", c.dataset},
          {"loss", c.loss},
          {"arch", c.arch},
          {"iters", c.iters},
          {"batch_size", c.batch_size},
          {"n_critic", c.n_critic},
          {"critic_warmup", c.critic_warmup},
          {"optimizer_d", optimizer_json(c.optimizer_d)},
          {"optimizer_g", optimizer_json(c.optimizer_g)},
          {"lr_schedule", c.lr_schedule},
          {"lr_decay", c.lr_decay},
          {"clip", c.clip_enabled ? nlohmann::json(c.clip) : nlohmann::json("none")},
          {"clip_scope", c.clip_scope},
          {"gp_lambda", c.gp_lambda},
          {"nz", c.nz},
          {"noise", c.noise},
          {"g_width", c.g_width},
          {"g_depth", c.g_depth},
          {"d_width", c.d_width},
          {"d_depth", c.d_depth},
          {"activation", c.activation},
          {"toy_points", c.toy_points},
          {"data", c.data_dir},
          {"split", c.split},
          {"image_size", c.image_size},
          {"channels", c.channels},
          {"data_cache", c.data_cache},
          {"features", c.features},
          {"ngf", c.ngf},
          {"ndf", c.ndf},
          {"norm_g", c.norm_g},
          {"norm_d", c.norm_d},
          {"extra_layers", c.extra_layers},
          {"allow_bn_critic", c.allow_bn_critic},
          {"sample_every", c.sample_every},
          {"grid_normalize", c.grid_normalize},
          {"seed", c.seed},
          {"threads", c.threads},
          {"device", c.device},
          {"log_every", c.log_every},
          {"print_every", c.print_every},
          {"eval_every", c.eval_every},
          {"eval_samples", c.eval_samples},
          {"checkpoint_every", c.checkpoint_every},
          {"keep_checkpoints", c.keep_checkpoints},
          {"on_nan", c.on_nan},
          {"quiet", c.quiet},
          {"fast_paths", c.fast_paths},
          {"precision", c.precision}};
}

TrainConfig config_from_json(const nlohmann::json& j) {
  TrainConfig c;
  try {
    c.preset = j.at("preset").get<std::string>();
    c.dataset = j.at("dataset").get<std::string>();
    c.loss = j.at("loss").get<std::string>();
    c.arch = j.at("arch").get<std::string>();
    c.iters = j.at("iters").get<int64_t>();
    c.batch_size = j.at("batch_size").get<int64_t>();
    c.n_critic = j.at("n_critic").get<int64_t>();
    c.critic_warmup = j.at("critic_warmup").get<bool>();
    c.optimizer_d = optimizer_from_json(j.at("optimizer_d"));
    c.optimizer_g = optimizer_from_json(j.at("optimizer_g"));
    c.lr_schedule = j.at("lr_schedule").get<std::string>();
    c.lr_decay = j.at("lr_decay").get<double>();
    c.clip_enabled = j.at("clip").is_number();
    if (c.clip_enabled) c.clip = j.at("clip").get<double>();
    c.clip_scope = j.at("clip_scope").get<std::string>();
    c.gp_lambda = j.at("gp_lambda").get<double>();
    c.nz = j.at("nz").get<int64_t>();
    c.noise = j.at("noise").get<std::string>();
    c.g_width = j.at("g_width").get<int64_t>();
    c.g_depth = j.at("g_depth").get<int64_t>();
    c.d_width = j.at("d_width").get<int64_t>();
    c.d_depth = j.at("d_depth").get<int64_t>();
    c.activation = j.at("activation").get<std::string>();
    c.toy_points = j.at("toy_points").get<int64_t>();
    c.data_dir = j.at("data").get<std::string>();
    c.split = j.at("split").get<std::string>();
    c.image_size = j.at("image_size").get<int64_t>();
    c.channels = j.at("channels").get<int64_t>();
    c.data_cache = j.at("data_cache").get<std::string>();
    c.features = j.value("features", std::string());  // absent before the image metrics
    c.ngf = j.at("ngf").get<int64_t>();
    c.ndf = j.at("ndf").get<int64_t>();
    c.norm_g = j.at("norm_g").get<std::string>();
    c.norm_d = j.at("norm_d").get<std::string>();
    c.extra_layers = j.at("extra_layers").get<int64_t>();
    c.allow_bn_critic = j.at("allow_bn_critic").get<bool>();
    c.sample_every = j.at("sample_every").get<int64_t>();
    c.grid_normalize = j.at("grid_normalize").get<std::string>();
    c.seed = j.at("seed").get<uint64_t>();
    c.threads = j.at("threads").get<int64_t>();
    c.device = j.at("device").get<std::string>();
    c.log_every = j.at("log_every").get<int64_t>();
    c.print_every = j.at("print_every").get<int64_t>();
    c.eval_every = j.at("eval_every").get<int64_t>();
    c.eval_samples = j.at("eval_samples").get<int64_t>();
    c.checkpoint_every = j.at("checkpoint_every").get<int64_t>();
    c.keep_checkpoints = j.at("keep_checkpoints").get<int64_t>();
    c.on_nan = j.at("on_nan").get<std::string>();
    c.quiet = j.at("quiet").get<bool>();
    c.fast_paths = j.value("fast_paths", true);  // absent before the speed work
    c.precision = j.value("precision", std::string("fp32"));
  } catch (const nlohmann::json::exception& e) {
    throw UsageError(std::string("configuration is incomplete or malformed: ") + e.what());
  }
  return c;
}

}  // namespace wgan

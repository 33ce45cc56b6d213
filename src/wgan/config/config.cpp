#include "wgan/config/config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "wgan/config/option_table.h"
#include "wgan/core/error.h"
#include "wgan/data/dataset_sources.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/toy.h"
#include "wgan/nets/network_family.h"

namespace wgan {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> names = ToyDistribution::names();
    for (const auto& name : image_dataset_names()) names.push_back(name);
    names.push_back(kCustomDataset);
    return names;
  }();
  return v;
}
bool is_toy_dataset(const std::string& dataset) { return ToyDistribution::is_toy(dataset); }
bool is_custom_dataset(const std::string& dataset) { return dataset == kCustomDataset; }

void resolve_automatic_choices(TrainConfig& c) {
  const bool toy = is_toy_dataset(c.dataset);
  if (c.constraint == kAuto) c.constraint = resolved_constraint(objective_options(c));
  if (c.nz == 0) c.nz = toy ? 2 : 100;
  if (c.batch_size == 0) c.batch_size = toy ? 256 : 64;
  // A published dataset without --data: where `wgan data fetch` puts it.
  if (c.data_dir.empty() && find_dataset_source(c.dataset)) c.data_dir = default_data_dir(c.dataset);
  if (!toy && contains(image_dataset_names(), c.dataset)) {
    const ImageShape native = native_image_shape(c.dataset);
    if (c.image_size == 0) c.image_size = native.size;
    if (c.channels == 0) c.channels = native.channels;
  }
  // The family's rows (nets/network_family.h): which --arch auto picks, and their default
  // normalisation. Points (2-D data, a program's data without an image size) take the MLPs;
  // images the first family that takes their size.
  if (c.arch == kAuto) c.arch = toy || c.image_size <= 0 ? kPointsArch : automatic_image_family(c.image_size).name;
  const NetworkFamily* family = find_network_family(c.arch);
  if (!family) return;  // a program's own networks (custom), or an unknown name validate() refuses
  const ConstraintEntry& constraint = constraint_entry(c.constraint);
  if (!c.norm_g) c.norm_g = family->norm_g;
  if (!c.norm_d) {
    if (constraint.spectral_norm)
      c.norm_d = Norm::kNone;  // SN-GAN's critics: the normalisation is the weights'
    else
      c.norm_d = constraint.needs_per_sample_critic ? family->norm_d_per_sample : family->norm_d;
  }
}
void apply_loss_defaults(TrainConfig& c) {
  const LossEntry& loss = loss_entry(c.loss);
  OptimizerConfig o;
  o.name = choice_named<OptimizerKind>(loss.optimizer.name);
  o.lr = loss.optimizer.lr;
  o.beta1 = loss.optimizer.beta1;
  o.beta2 = loss.optimizer.beta2;
  c.n_critic = loss.n_critic;
  c.optimizer_d = o;
  c.optimizer_g = o;
}

ObjectiveOptions objective_options(const TrainConfig& c) {
  ObjectiveOptions o;
  o.loss = c.loss;
  o.constraint = c.constraint;
  o.clip = c.clip;
  o.clip_weights_only = c.clip_scope == ClipScope::kWeights;
  o.gp_lambda = c.gp_lambda;
  o.r1_gamma = c.r1_gamma;
  o.r1_every = c.r1_every;
  return o;
}

void validate(const TrainConfig& c) {
  check_each_option(c);
  if (is_custom_dataset(c.dataset)) {
    // The program's data says what a sample is; the run checks its shape (run.cpp).
  } else if (!is_toy_dataset(c.dataset)) {
    if (c.data_dir.empty())
      throw flag_error("data",
                       "dataset '" + c.dataset + "' needs --data DIR (" + describe_expected_files(c.dataset) + ")");
    if (find_dataset_source(c.dataset) && c.data_dir == default_data_dir(c.dataset) &&
        !std::filesystem::is_directory(c.data_dir))
      throw flag_error("data", "no --data given, and the default " + c.data_dir +
                                   " does not exist; fetch the "
                                   "dataset with: wgan data fetch " +
                                   c.dataset + " (or give --data DIR)");
    if (c.channels != 1 && c.channels != 3)
      throw flag_error("channels", "expected 1 or 3, got " + std::to_string(c.channels));
    if (c.image_size <= 0)
      throw flag_error("image_size", "expected a positive integer, got " + std::to_string(c.image_size));
    const std::string problem = c.arch == kCustomArch ? "" : image_size_problem(c.arch, c.image_size);
    if (!problem.empty()) throw flag_error("image_size", problem, std::to_string(c.image_size));
  } else if (c.arch != kCustomArch && !network_family(c.arch).takes_points) {
    throw flag_error("arch", "2-D data needs --arch " + std::string(kPointsArch), c.arch);
  } else if (c.augment != kNone) {
    throw flag_error("augment", "augmentation transforms images; 2-D data takes none", c.augment);
  }
  const std::string constraint = resolved_constraint(objective_options(c));
  if (constraint_entry(constraint).needs_per_sample_critic && c.norm_d == Norm::kBatch && !c.allow_bn_critic)
    throw flag_error("norm_d",
                     "a batch-norm critic is refused under the " + constraint + " constraint (" + c.loss +
                         "), because a gradient penalty is per sample and batch norm mixes the samples of a "
                         "batch; expected --norm-d layer, instance or none (or --allow-bn-critic to force it)",
                     "batch");
  if ((c.generator == GeneratorChoice::kEma || c.generator == GeneratorChoice::kBoth) && !c.g_ema)
    throw flag_error("generator", "there is no averaged generator without --g-ema; expected auto or raw",
                     name_of(c.generator));
  if (!c.features.empty() && is_toy_dataset(c.dataset))
    throw flag_error("features", "2-D data is measured by W1 and the mode metrics; --features is for image datasets",
                     c.features);
}

nlohmann::json to_json(const TrainConfig& c) { return options_to_json(c); }

TrainConfig config_from_json(const nlohmann::json& j) { return options_from_json(j); }

TrainConfig config_from_json_text(const std::string& text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw UsageError(std::string("configuration: not JSON (") + e.what() + ")");
  }
  return config_from_json(j);
}

}  // namespace wgan

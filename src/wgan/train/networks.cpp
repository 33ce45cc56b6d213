#include "wgan/train/networks.h"

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/nets/normalization.h"
#include "wgan/train/generator_average.h"

namespace wgan {

NetworkOptions network_options(const TrainConfig& c) {
  NetworkOptions o;
  o.images = sample_shape(c).size() == 3;
  o.arch = c.arch;
  o.seed = c.seed;
  o.activation = c.activation;
  o.spectral_norm_critic = constraint_entry(resolved_constraint(objective_options(c))).spectral_norm;
  ImageNetOptions& i = o.image;
  i.nz = c.nz;
  i.g_width = c.g_width;
  i.g_depth = c.g_depth;
  i.d_width = c.d_width;
  i.d_depth = c.d_depth;
  if (o.images) {
    i.channels = c.channels;
    i.image_size = c.image_size;
    i.ngf = c.ngf;
    i.ndf = c.ndf;
    if (!c.norm_g || !c.norm_d)
      throw std::logic_error(
          "network_options: --norm-g/--norm-d auto is worked out by resolve_automatic_choices first");
    i.norm_g = *c.norm_g;
    i.norm_d = *c.norm_d;
    i.extra_layers = c.extra_layers;
  }
  return o;
}

std::vector<int64_t> sample_shape(const TrainConfig& config) {
  if (is_toy_dataset(config.dataset)) return {2};
  // A program's data (with_parts fills in the shape of its images): points without a size.
  if (is_custom_dataset(config.dataset) && config.image_size <= 0) return {2};
  return {config.channels, config.image_size, config.image_size};
}

NetworkPair make_networks(const TrainConfig& config) {
  if (config.arch == kCustomArch)
    throw UsageError(
        "--arch custom: the networks are a program's own (RunParts::make_generator, "
        "docs/library.md); wgan cannot build them: load the checkpoint in that program");
  NetworkPair networks = make_networks(network_options(config));
  if (config.g_ema) {
    // The same seed builds the same generator: the average starts as a copy of it.
    networks.averaged_generator = make_networks(network_options(config)).generator;
    update_average(*networks.averaged_generator, *networks.generator, 0.0);
  }
  return networks;
}

NetworkImpl& sampling_generator(const NetworkPair& networks, GeneratorChoice which) {
  if (which == GeneratorChoice::kRaw || (which == GeneratorChoice::kAuto && !networks.averaged_generator))
    return *networks.generator;
  if (!networks.averaged_generator)
    throw UsageError("--generator ema: the model has no averaged generator (it was trained without --g-ema)");
  return *networks.averaged_generator;
}

}  // namespace wgan

#include "wgan/nets/network_factory.h"

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/nets/image_networks.h"
#include "wgan/nets/mlp.h"
#include "wgan/train/config.h"

namespace wgan {

std::vector<int64_t> sample_shape(const TrainConfig& config) {
  if (is_toy_dataset(config.dataset)) return {2};
  return {config.channels, config.image_size, config.image_size};
}

NetworkPair make_networks(const TrainConfig& config) {
  // Module constructors draw their initial weights from LibTorch's global generator: seed it
  // from the run's seed so that the same seed gives the same networks.
  torch::manual_seed(derive_seed(config.seed, Stream::kInit));
  if (!is_toy_dataset(config.dataset)) {
    ImageNetOptions o;
    o.nz = config.nz;
    o.channels = config.channels;
    o.image_size = config.image_size;
    o.ngf = config.ngf;
    o.ndf = config.ndf;
    o.norm_g = norm_from_name(config.norm_g);
    o.norm_d = norm_from_name(config.norm_d);
    o.extra_layers = config.extra_layers;
    o.g_width = config.g_width;
    o.g_depth = config.g_depth;
    o.d_width = config.d_width;
    o.d_depth = config.d_depth;
    return make_image_networks(config.arch, o);
  }
  if (config.arch != "mlp")
    throw UsageError("--arch " + config.arch + ": 2-D data needs --arch mlp");
  const Activation activation = activation_from_name(config.activation);
  MLPOptions g;
  g.in = config.nz;
  g.output_shape = {2};
  g.width = config.g_width;
  g.depth = config.g_depth;
  g.activation = activation;

  MLPOptions d;
  d.in = 2;
  d.output_shape = {1};
  d.width = config.d_width;
  d.depth = config.d_depth;
  d.activation = activation;
  return {std::make_shared<MLPImpl>(g), std::make_shared<MLPImpl>(d)};
}

}  // namespace wgan

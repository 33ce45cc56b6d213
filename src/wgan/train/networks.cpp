#include "wgan/train/networks.h"

#include "wgan/nets/normalization.h"

namespace wgan {

NetworkOptions network_options(const TrainConfig& c) {
  NetworkOptions o;
  o.images = !is_toy_dataset(c.dataset);
  o.arch = c.arch;
  o.seed = c.seed;
  o.activation = c.activation;
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
    i.norm_g = norm_from_name(c.norm_g);
    i.norm_d = norm_from_name(c.norm_d);
    i.extra_layers = c.extra_layers;
  }
  return o;
}

std::vector<int64_t> sample_shape(const TrainConfig& config) {
  if (is_toy_dataset(config.dataset)) return {2};
  return {config.channels, config.image_size, config.image_size};
}

NetworkPair make_networks(const TrainConfig& config) { return make_networks(network_options(config)); }

}  // namespace wgan

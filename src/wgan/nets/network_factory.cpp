#include "wgan/nets/network_factory.h"

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/nets/mlp.h"
#include "wgan/nets/spectral_norm.h"

namespace wgan {

namespace {

NetworkPair make_plain_networks(const NetworkOptions& o) {
  if (o.images) return make_image_networks(o.arch, o.image);
  if (!network_family(o.arch).takes_points)
    throw OptionError("arch", "network family " + o.arch + " takes images; 2-D data needs mlp");
  const Activation activation = o.activation;
  MLPOptions g;
  g.in = o.image.nz;
  g.output_shape = {2};
  g.width = o.image.g_width;
  g.depth = o.image.g_depth;
  g.activation = activation;

  MLPOptions d;
  d.in = 2;
  d.output_shape = {1};
  d.width = o.image.d_width;
  d.depth = o.image.d_depth;
  d.activation = activation;
  return {std::make_shared<MLPImpl>(g), std::make_shared<MLPImpl>(d), nullptr};
}

}  // namespace

NetworkPair make_networks(const NetworkOptions& o) {
  // Module constructors draw their initial weights from LibTorch's global generator: seed it
  // from the run's seed so that the same seed gives the same networks.
  torch::manual_seed(derive_seed(o.seed, Stream::kInit));
  NetworkPair networks = make_plain_networks(o);
  if (o.spectral_norm_critic) apply_spectral_norm(dynamic_cast<SequentialNetworkImpl&>(*networks.critic));
  return networks;
}

}  // namespace wgan

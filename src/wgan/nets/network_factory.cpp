#include "wgan/nets/network_factory.h"

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/nets/mlp.h"
#include "wgan/train/config.h"

namespace wgan {

int64_t data_dimension(const TrainConfig& /*config*/) { return 2; }

NetworkPair make_networks(const TrainConfig& config) {
  if (config.arch != "mlp") throw UsageError("unknown arch '" + config.arch + "'; expected mlp");
  // Module constructors draw their initial weights from LibTorch's global generator: seed it
  // from the run's seed so that the same seed gives the same networks.
  torch::manual_seed(derive_seed(config.seed, Stream::kInit));
  const int64_t dim = data_dimension(config);
  const Activation activation = activation_from_name(config.activation);

  MLPOptions g;
  g.in = config.nz;
  g.out = dim;
  g.width = config.g_width;
  g.depth = config.g_depth;
  g.activation = activation;

  MLPOptions d;
  d.in = dim;
  d.out = 1;
  d.width = config.d_width;
  d.depth = config.d_depth;
  d.activation = activation;

  return {std::make_shared<MLPImpl>(g), std::make_shared<MLPImpl>(d)};
}

}  // namespace wgan

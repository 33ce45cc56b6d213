// Builds a generator and a critic from their options, with deterministic initial weights
// drawn from a seed. Knows nothing of training runs: train/networks.h maps a run's
// configuration to these options.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wgan/nets/image_networks.h"
#include "wgan/nets/network.h"

namespace wgan {

struct NetworkOptions {
  bool images = false;         // false: 2-D points (MLPs), true: images of `image`'s shape
  std::string arch = "mlp";    // mlp | dcgan | dcgan-mnist | dcgan-dense
  uint64_t seed = 1;           // initial weights
  ImageNetOptions image;       // nz, shape, widths and normalisation (MLPs use nz and widths)
  std::string activation = "relu";  // 2-D MLPs: relu | leaky-relu | elu
  bool spectral_norm_critic = false;  // every critic weight spectrally normalised (spectral_norm.h)
};

NetworkPair make_networks(const NetworkOptions& options);

// The network families: mlp, dcgan, dcgan-mnist, dcgan-dense.
const std::vector<std::string>& arch_names();

}  // namespace wgan

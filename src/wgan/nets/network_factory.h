// Builds a generator and a critic from their options, with deterministic initial weights
// drawn from a seed. Knows nothing of training runs: train/networks.h maps a run's
// configuration to these options.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "wgan/nets/mlp.h"
#include "wgan/nets/network.h"
#include "wgan/nets/network_family.h"

namespace wgan {

struct NetworkOptions {
  bool images = false;                        // false: 2-D points (MLPs), true: images of `image`'s shape
  std::string arch = "mlp";                   // a family of the registry (network_family.h)
  uint64_t seed = 1;                          // initial weights
  ImageNetOptions image;                      // nz, shape, widths and normalisation (MLPs use nz and widths)
  Activation activation = Activation::kReLU;  // 2-D MLPs
  bool spectral_norm_critic = false;          // every critic weight spectrally normalised (spectral_norm.h)
};

NetworkPair make_networks(const NetworkOptions& options);

}  // namespace wgan

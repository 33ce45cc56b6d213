// The builders of the image network families; network_family.h is their registry (names, size
// rules, default normalisation), and docs/datasets.md has their layer tables.
// Generators map noise [B, nz] to images [B, C, s, s] in [-1, 1]; critics map images to [B, 1]
// with no sigmoid. The DCGAN family is initialised as DCGAN: weights N(0, 0.02), normalisation
// gains N(1, 0.02), biases 0.
#pragma once
#include <string>

#include "wgan/nets/network.h"
#include "wgan/nets/normalization.h"

namespace wgan {

struct ImageNetOptions {
  int64_t nz = 100;
  int64_t channels = 3;
  int64_t image_size = 64;
  int64_t ngf = 64, ndf = 64;
  Norm norm_g = Norm::kBatch, norm_d = Norm::kNone;
  int64_t extra_layers = 0;  // dcgan only
  // mlp only
  int64_t g_width = 512, g_depth = 3, d_width = 512, d_depth = 3;
};

// The families' generator and critic, initialised; the size is one the family takes.
NetworkPair dcgan_networks(const ImageNetOptions& options);        // seed 000, the WGAN paper
NetworkPair dcgan_mnist_networks(const ImageNetOptions& options);  // seed 004
NetworkPair dcgan_dense_networks(const ImageNetOptions& options);  // seed 003
NetworkPair mlp_image_networks(const ImageNetOptions& options);    // the WGAN paper's MLPs

// DCGAN initialisation, for any module tree.
void initialize_dcgan_weights(torch::nn::Module& module);

}  // namespace wgan

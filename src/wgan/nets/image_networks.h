// The image generator and critic families (docs/datasets.md has their layer tables):
//   dcgan        the DCGAN of seed 000 and the WGAN paper, any size 16 * 2^k
//   dcgan-mnist  seed 004's networks (linear to 2*ngf x s/4 x s/4, two upsamplings), size 4k
//   dcgan-dense  seed 003's networks (dense to 4x4, 5x5 stride-2 convolutions), size 8 * 2^k
//   mlp          the WGAN paper's MLPs on flattened images
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

// Why `arch` cannot take images of this size, or "" when it can.
std::string image_size_problem(const std::string& arch, int64_t image_size);

// Throws UsageError for an unknown arch or a size it cannot take.
NetworkPair make_image_networks(const std::string& arch, const ImageNetOptions& options);

// DCGAN initialisation, for any module tree.
void initialize_dcgan_weights(torch::nn::Module& module);

}  // namespace wgan

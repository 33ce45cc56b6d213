// The sliced Wasserstein distance between two sets of images of ProGAN (Karras et al. 2018,
// appendix D), the measure for images with no feature network (Pokemon, any folder): from each
// level of a Laplacian pyramid (full size down to 16x16), 7x7 neighbourhoods at random places,
// each channel normalised, compared by the sliced W1 over random directions. One figure per
// level (fine detail at the full size, colour and layout at 16x16) and their mean, multiplied by
// 1,000 as ProGAN reports it. docs/metrics.md states the details and the one deviation.
#pragma once
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace wgan {

struct ImageSwdOptions {
  int64_t patch = 7;                    // neighbourhood size
  int64_t patches_per_image = 128;
  int64_t direction_repeats = 4;        // sets of random directions, averaged
  int64_t directions_per_repeat = 128;
  int64_t min_resolution = 16;          // the coarsest level
  uint64_t seed = 0;                    // patch places and directions
};

struct ImageSwd {
  std::vector<int64_t> resolutions;  // of the levels, largest first
  std::vector<double> per_level;     // x 1,000
  double mean = 0;
};

// The Laplacian pyramid of images [N, C, H, W] (float): levels - 1 band-pass levels
// (G_k - up(G_k+1)) and the last Gaussian level, with the 5x5 binomial filter and mirrored
// edges of OpenCV's pyrDown/pyrUp.
std::vector<torch::Tensor> laplacian_pyramid(const torch::Tensor& images, int64_t levels);

// real and fake: [N, C, H, W] and [M, C, H, W] images of one size (any value range, the same
// for both), H = W at least min_resolution.
ImageSwd image_sliced_wasserstein(const torch::Tensor& real, const torch::Tensor& fake,
                                  const ImageSwdOptions& options = {});

}  // namespace wgan

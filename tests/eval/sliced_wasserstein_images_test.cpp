// ProGAN's sliced Wasserstein distance of images: the pyramid of a ramp and a constant, the
// distance of a set to itself is 0, and it grows with a change of brightness (coarsest level
// only) and with added noise (finest level first).
#include "wgan/eval/sliced_wasserstein_images.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace wgan {
namespace {

namespace F = torch::nn::functional;

// Smooth random images: noise upsampled, in [-1, 1].
torch::Tensor images(int64_t n, int64_t size, uint64_t seed) {
  torch::manual_seed(seed);
  const auto coarse = torch::rand({n, 3, size / 4, size / 4}) * 2 - 1;
  return F::interpolate(coarse, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{size, size})
                                    .mode(torch::kBilinear)
                                    .align_corners(false));
}

// Fewer neighbourhoods and directions than ProGAN's, for speed; the properties do not depend on them.
ImageSwdOptions quick() {
  ImageSwdOptions o;
  o.patches_per_image = 32;
  o.directions_per_repeat = 64;
  return o;
}

// The binomial filter keeps linear functions: a horizontal ramp x has a half-size Gaussian level
// 2j and no band-pass content away from the mirrored edges.
TEST(ImageSwd, ThePyramidOfARampAndOfAConstant) {
  const auto ramp = torch::arange(32, torch::kFloat32).expand({1, 3, 32, 32}).contiguous();
  const auto pyramid = laplacian_pyramid(ramp, 2);
  ASSERT_EQ(pyramid.size(), 2u);
  EXPECT_EQ(pyramid[1].sizes(), torch::IntArrayRef({1, 3, 16, 16}));
  const auto interior = pyramid[1].slice(3, 2, 14);
  EXPECT_TRUE(torch::allclose(interior, 2 * torch::arange(2, 14, torch::kFloat32).expand_as(interior), 1e-5, 1e-4));
  EXPECT_LT(pyramid[0].slice(3, 4, 28).abs().max().item<double>(), 1e-4);
  EXPECT_GT(pyramid[0].abs().max().item<double>(), 0.1);  // the mirrored edge is detail
  const auto flat = laplacian_pyramid(torch::full({1, 3, 32, 32}, 0.25), 3);
  EXPECT_LT(flat[0].abs().max().item<double>(), 1e-6);
  EXPECT_LT(flat[1].abs().max().item<double>(), 1e-6);
  EXPECT_NEAR(flat[2].mean().item<double>(), 0.25, 1e-6);
}

TEST(ImageSwd, ASetIsAtDistanceZeroFromItself) {
  const auto x = images(64, 32, 2);
  const ImageSwd d = image_sliced_wasserstein(x, x.clone(), quick());
  EXPECT_EQ(d.resolutions, (std::vector<int64_t>{32, 16}));
  for (double level : d.per_level) EXPECT_EQ(level, 0);
  EXPECT_EQ(d.mean, 0);
  // Another sample of the same kind of image is near, not at 0.
  const ImageSwd other = image_sliced_wasserstein(x, images(64, 32, 3), quick());
  EXPECT_GT(other.mean, 0);
}

TEST(ImageSwd, GrowsWithBrightnessAtTheCoarsestLevelAndWithNoiseAtTheFinest) {
  const auto x = images(64, 32, 4);
  double previous = 0;
  for (double shift : {0.05, 0.1, 0.2, 0.4}) {
    const ImageSwd d = image_sliced_wasserstein(x, x + shift, quick());
    EXPECT_LT(d.per_level[0], 1e-2) << "a constant shift has no band-pass content";
    EXPECT_GT(d.per_level[1], previous) << "shift " << shift;
    previous = d.per_level[1];
  }
  torch::manual_seed(5);
  const auto noise = torch::randn_like(x);
  previous = 0;
  for (double sigma : {0.01, 0.03, 0.1}) {
    const ImageSwd d = image_sliced_wasserstein(x, x + sigma * noise, quick());
    EXPECT_GT(d.per_level[0], previous) << "noise " << sigma;
    EXPECT_GT(d.per_level[0], d.per_level[1]) << "noise is fine detail";
    previous = d.per_level[0];
  }
}

TEST(ImageSwd, RefusesSetsOfDifferentShapes) {
  EXPECT_THROW(image_sliced_wasserstein(images(4, 32, 1), images(4, 16, 1)), std::exception);
  EXPECT_THROW(image_sliced_wasserstein(images(4, 8, 1), images(4, 8, 1)), std::exception);
}

}  // namespace
}  // namespace wgan

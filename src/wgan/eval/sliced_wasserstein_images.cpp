#include "wgan/eval/sliced_wasserstein_images.h"

#include <torch/torch.h>

#include "wgan/core/error.h"
#include "wgan/core/random.h"

namespace wgan {
namespace {

namespace F = torch::nn::functional;

// The 5x5 binomial filter of pyrDown, one copy per channel (a depthwise convolution).
torch::Tensor binomial_filter(int64_t channels, double scale) {
  const auto row = torch::tensor({1.0, 4.0, 6.0, 4.0, 1.0}, torch::kFloat32) / 16.0;
  return (torch::outer(row, row) * scale).expand({channels, 1, 5, 5}).contiguous();
}

torch::Tensor blur(const torch::Tensor& x, double scale) {
  const auto padded = F::pad(x, F::PadFuncOptions({2, 2, 2, 2}).mode(torch::kReflect));
  return F::conv2d(padded, binomial_filter(x.size(1), scale), F::Conv2dFuncOptions().groups(x.size(1)));
}

torch::Tensor pyramid_down(const torch::Tensor& x) {
  return blur(x, 1.0).slice(2, 0, x.size(2), 2).slice(3, 0, x.size(3), 2);
}

torch::Tensor pyramid_up(const torch::Tensor& x) {
  auto up = torch::zeros({x.size(0), x.size(1), x.size(2) * 2, x.size(3) * 2}, x.options());
  up.slice(2, 0, up.size(2), 2).slice(3, 0, up.size(3), 2).copy_(x);
  return blur(up, 4.0);  // a quarter of the pixels are set: the filter's weight times 4
}

// `per_image` random patch x patch neighbourhoods of each image, [N * per_image, C, p, p]; the
// places come from `gen`, so two sets of the same size get the same places.
torch::Tensor neighbourhoods(const torch::Tensor& level, int64_t patch, int64_t per_image, at::Generator& gen) {
  const int64_t n = level.size(0), places = level.size(2) - patch + 1;
  const auto image = torch::arange(n, torch::kInt64).repeat_interleave(per_image);
  const auto y = torch::randint(places, {n * per_image}, gen, torch::kInt64);
  const auto x = torch::randint(places, {n * per_image}, gen, torch::kInt64);
  // [N, C, H', W', p, p] as a view, then the chosen places.
  const auto windows = level.unfold(2, patch, 1).unfold(3, patch, 1).permute({0, 2, 3, 1, 4, 5});
  return windows.index({image, y, x});
}

// Sliced W1 of two equal-size descriptor sets [n, d]: the mean over random unit directions of
// the mean absolute difference of the sorted projections.
double sliced_w1(const torch::Tensor& a, const torch::Tensor& b, const ImageSwdOptions& o, at::Generator& gen) {
  double total = 0;
  for (int64_t r = 0; r < o.direction_repeats; ++r) {
    auto directions = torch::randn({a.size(1), o.directions_per_repeat}, gen, torch::kFloat32);
    directions = directions / directions.norm(2, 0, true);
    const auto pa = std::get<0>(a.matmul(directions).sort(0)), pb = std::get<0>(b.matmul(directions).sort(0));
    total += (pa - pb).abs().mean().item<double>();
  }
  return total / static_cast<double>(o.direction_repeats);
}

}  // namespace

std::vector<torch::Tensor> laplacian_pyramid(const torch::Tensor& images, int64_t levels) {
  std::vector<torch::Tensor> pyramid = {images.to(torch::kFloat32)};
  for (int64_t i = 1; i < levels; ++i) {
    pyramid.push_back(pyramid_down(pyramid.back()));
    pyramid[i - 1] = pyramid[i - 1] - pyramid_up(pyramid[i]);
  }
  return pyramid;
}

ImageSwd image_sliced_wasserstein(const torch::Tensor& real, const torch::Tensor& fake, const ImageSwdOptions& o) {
  if (real.dim() != 4 || real.sizes().slice(1) != fake.sizes().slice(1) || real.size(2) != real.size(3))
    throw UsageError("sliced Wasserstein distance: expected two sets of square images of one shape, got " +
                     c10::str(real.sizes()) + " and " + c10::str(fake.sizes()));
  if (real.size(2) < o.min_resolution || real.size(0) == 0 || fake.size(0) == 0)
    throw UsageError("sliced Wasserstein distance: images of at least " + std::to_string(o.min_resolution) +
                     " pixels, at least one of each set; got " + c10::str(real.sizes()) + " and " +
                     c10::str(fake.sizes()));
  ImageSwd result;
  for (int64_t r = real.size(2); r >= o.min_resolution; r /= 2) result.resolutions.push_back(r);
  const int64_t levels = static_cast<int64_t>(result.resolutions.size());
  const auto real_pyramid = laplacian_pyramid(real, levels), fake_pyramid = laplacian_pyramid(fake, levels);
  // Equal numbers of descriptors (the sorted projections are compared rank by rank).
  const int64_t n = std::min(real.size(0), fake.size(0));
  for (int64_t level = 0; level < levels; ++level) {
    auto places = make_generator(o.seed, Stream::kEvaluation, 0x5d0 + level);
    const auto a = neighbourhoods(real_pyramid[level].slice(0, 0, n), o.patch, o.patches_per_image, places);
    places = make_generator(o.seed, Stream::kEvaluation, 0x5d0 + level);
    const auto b = neighbourhoods(fake_pyramid[level].slice(0, 0, n), o.patch, o.patches_per_image, places);
    // Each channel normalised by the real descriptors' mean and deviation (ProGAN: each set by
    // its own, which would hide a change of brightness or contrast).
    const auto mean = a.mean({0, 2, 3}, true), deviation = a.std({0, 2, 3}, true, true).clamp_min(1e-8);
    auto directions = make_generator(o.seed, Stream::kEvaluation, 0x5d1 + level);
    const double d = sliced_w1(((a - mean) / deviation).flatten(1), ((b - mean) / deviation).flatten(1), o, directions);
    result.per_level.push_back(1e3 * d);
    result.mean += 1e3 * d / static_cast<double>(levels);
  }
  return result;
}

}  // namespace wgan

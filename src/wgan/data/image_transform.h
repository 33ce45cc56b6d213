// The image transforms of torchvision's Resize(size) + CenterCrop(size), on uint8 pixels:
// the shorter side is scaled to `size` with an antialiased bilinear (triangle) filter, as PIL's
// bilinear resize does, then the centre size x size square is cut out.
#pragma once
#include <torch/types.h>

#include <cstdint>

namespace wgan {

// torchvision's Resize(int): the shorter side becomes `size`, the longer one
// int(size * longer / shorter).
struct ImageExtent {
  int64_t width, height;
};
ImageExtent resized_extent(int64_t width, int64_t height, int64_t size);

// torchvision's CenterCrop(size) of a [C, H, W] image at least size x size.
torch::Tensor center_crop(const torch::Tensor& chw, int64_t size);

// One image, interleaved HWC uint8 with `channels` channels; returns [channels, size, size].
torch::Tensor resize_and_center_crop(const uint8_t* pixels, int64_t width, int64_t height,
                                     int64_t channels, int64_t size);

// Every image of a uint8 [N, C, H, W] batch to [N, C, size, size].
torch::Tensor resize_images(const torch::Tensor& images, int64_t size);

// uint8 [N, C, H, W] to `channels` channels: grey to RGB by repetition, RGB to grey by ITU-R
// 601 luma (as PIL's convert("L")).
torch::Tensor convert_channels(const torch::Tensor& images, int64_t channels);

}  // namespace wgan

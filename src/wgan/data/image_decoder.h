// Image files decoded by libvips (JPEG through libjpeg-turbo, PNG, WebP, TIFF, GIF, BMP and
// others through its loaders) and resized by LibTorch, as torchvision's pipeline on a PIL image
// does: convert("RGB") (alpha dropped, grey repeated, 16 bits to 8), Resize(size) with the
// antialiased bilinear (triangle) filter, CenterCrop(size): within one level of Pillow's
// pixels (docs/datasets.md).
#pragma once
#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace wgan {

// The files an image folder's images are, by extension (lower case, with the dot), and how a
// message names them.
const std::vector<std::string>& image_file_extensions();
inline constexpr const char* kImageFormats = "PNG, JPEG, WebP, GIF, TIFF or BMP";

// [3, size, size] uint8. A file that does not decode is a UsageError naming it and the
// decoder's reason; one of more than `max_pixels` pixels an OptionError of max_image_pixels,
// read from the header before anything is decoded.
torch::Tensor decode_resized_rgb(const std::string& path, int64_t size, int64_t max_pixels);

// The library's version, for logs ("8.14.1").
std::string image_decoder_version();

}  // namespace wgan

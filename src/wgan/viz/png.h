// PNG files through stb_image_write (Debian's libstb).
#pragma once
#include <torch/types.h>

#include <string>
#include <vector>

namespace wgan {

// uint8 [C, H, W] with C = 1, 3 or 4 -> PNG bytes.
std::vector<unsigned char> encode_png(const torch::Tensor& image);

// Writes the image atomically; UsageError naming the path if it cannot.
void write_png(const std::string& path, const torch::Tensor& image);

}  // namespace wgan

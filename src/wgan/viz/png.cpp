#include "wgan/viz/png.h"

#include <stb_image_write.h>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"

namespace wgan {
namespace {

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<unsigned char>*>(context);
  const auto* bytes = static_cast<const unsigned char*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<unsigned char> encode_png(const torch::Tensor& image) {
  TORCH_CHECK(image.dim() == 3 && image.scalar_type() == torch::kUInt8,
              "encode_png expects uint8 [C, H, W], got ", image.sizes());
  const int64_t c = image.size(0), h = image.size(1), w = image.size(2);
  TORCH_CHECK(c == 1 || c == 3 || c == 4, "encode_png expects 1, 3 or 4 channels, got ", c);
  auto hwc = image.permute({1, 2, 0}).contiguous();
  std::vector<unsigned char> bytes;
  const int ok = stbi_write_png_to_func(append_bytes, &bytes, static_cast<int>(w), static_cast<int>(h),
                                        static_cast<int>(c), hwc.data_ptr<uint8_t>(),
                                        static_cast<int>(w * c));
  if (!ok) throw RunError("PNG encoding failed");
  return bytes;
}

void write_png(const std::string& path, const torch::Tensor& image) {
  const auto bytes = encode_png(image);
  try {
    write_text_atomically(path, std::string(bytes.begin(), bytes.end()));
  } catch (const std::exception& e) {
    throw UsageError(path + ": cannot write the PNG (" + e.what() + ")");
  }
}

}  // namespace wgan

#include "wgan/data/image_decoder.h"

#include <vips/vips.h>

#include <cstring>
#include <memory>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/data/image_transform.h"

namespace wgan {
namespace {

// Once per process: the images of a folder are decoded in LibTorch's threads, one image per
// thread, so libvips works in the calling thread and keeps no cache of operations (a folder of
// 200,000 files would otherwise fill it).
void start_libvips() {
  static const bool started = [] {
    if (VIPS_INIT("wgan") != 0) throw RunError("libvips could not be started: " + std::string(vips_error_buffer()));
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    // Its warnings ("not enough data") would be printed beside the one line a failure says;
    // the reason is in that line, from vips_error_buffer.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    return true;
  }();
  (void)started;
}

struct Unref {
  void operator()(void* object) const { g_object_unref(object); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

std::string take_error() {
  std::string text = vips_error_buffer();
  vips_error_clear();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  const size_t newline = text.find('\n');
  return newline == std::string::npos ? text : text.substr(0, newline);
}

[[noreturn]] void fail(const std::string& path) {
  const std::string reason = take_error();
  throw UsageError(path + ": cannot decode (" + (reason.empty() ? std::string("unknown reason") : reason) +
                   "); expected a valid " + kImageFormats + " image");
}

// An operation's output, or the file's decoding error.
Image checked(int status, VipsImage* out, const std::string& path) {
  if (status != 0) fail(path);
  return Image(out);
}

// PIL's convert("RGB"): alpha dropped (not composited), grey repeated, 16-bit scaled to 8.
Image to_rgb(Image image, const std::string& path) {
  VipsImage* im = image.get();
  if (vips_image_get_bands(im) == 3 && vips_image_get_format(im) == VIPS_FORMAT_UCHAR &&
      vips_image_guess_interpretation(im) == VIPS_INTERPRETATION_sRGB)
    return image;  // most JPEGs and PNGs: nothing to convert
  VipsImage* out = nullptr;
  if (vips_image_hasalpha(image.get()))
    image = checked(vips_extract_band(image.get(), &out, 0, "n", vips_image_get_bands(image.get()) - 1, nullptr), out,
                    path);
  image = checked(vips_colourspace(image.get(), &out, VIPS_INTERPRETATION_sRGB, nullptr), out, path);
  image = checked(vips_cast_uchar(image.get(), &out, nullptr), out, path);
  if (vips_image_get_bands(image.get()) != 3)
    throw UsageError(path + ": " + std::to_string(vips_image_get_bands(image.get())) +
                     " bands after conversion; expected an image convertible to RGB");
  return image;
}

// The pixels, [height, width, bands] uint8, computed in the calling thread: no libvips worker
// thread competes with LibTorch's OpenMP threads, which spin while they wait (seed 000's
// Pokémon at two threads: 415-429 images/s through vips_image_write_to_memory, 746-753 so).
torch::Tensor pixels_of(VipsImage* image, const std::string& path) {
  std::unique_ptr<VipsRegion, Unref> region(vips_region_new(image));
  VipsRect all = {0, 0, vips_image_get_width(image), vips_image_get_height(image)};
  if (vips_region_prepare(region.get(), &all) != 0) fail(path);
  const int64_t row = static_cast<int64_t>(all.width) * vips_image_get_bands(image);
  torch::Tensor out = torch::empty({all.height, all.width, vips_image_get_bands(image)}, torch::kUInt8);
  for (int y = 0; y < all.height; ++y)
    std::memcpy(out.data_ptr<uint8_t>() + y * row, VIPS_REGION_ADDR(region.get(), 0, y), static_cast<size_t>(row));
  return out;
}

}  // namespace

const std::vector<std::string>& image_file_extensions() {
  static const std::vector<std::string> extensions = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".tif", ".tiff", ".bmp"};
  return extensions;
}

torch::Tensor decode_resized_rgb(const std::string& path, int64_t size, int64_t max_pixels) {
  start_libvips();
  // From memory: a fifth faster than from the file name, whose format libvips finds by opening
  // it once per loader. Lazy: the header is read, the pixels when first needed. A truncated
  // file is an error, not an image with a grey bottom.
  const std::string bytes = read_text_file(path);  // core/atomic_file.h: any bytes
  if (bytes.empty()) throw UsageError(path + ": an empty file; expected a " + kImageFormats + " image");
  Image image(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                         VIPS_FAIL_ON_TRUNCATED, nullptr));
  if (!image) fail(path);
  const int64_t width = vips_image_get_width(image.get()), height = vips_image_get_height(image.get());
  if (width * height > max_pixels)
    throw OptionError("max_image_pixels",
                      path + " is " + std::to_string(width) + "x" + std::to_string(height) + " = " +
                          std::to_string(width * height) + " pixels; expected at most " + std::to_string(max_pixels) +
                          " (raise the limit to decode it)",
                      std::to_string(max_pixels));
  image = to_rgb(std::move(image), path);
  // The pixels, then LibTorch's antialiased bilinear resize (image_transform.h): within one
  // level of Pillow's everywhere, where libvips' own reduce differed by up to 25 at the
  // borders and by 4.5 on average when enlarging (docs/datasets.md).
  const torch::Tensor hwc = pixels_of(image.get(), path);
  return resize_and_center_crop(hwc.data_ptr<uint8_t>(), width, height, 3, size);
}

std::string image_decoder_version() { return std::string("libvips ") + vips_version_string(); }

}  // namespace wgan

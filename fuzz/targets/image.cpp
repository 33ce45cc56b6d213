// An image file as a folder dataset reads it: decoded by libvips (which decides the format by
// the content), resized on the shorter side, centre-cropped and converted. The first byte picks
// the target size (1..64) and the channels (grey or RGB), since the resize depends on them.
#include <stb_image_write.h>

#include <filesystem>
#include <functional>
#include <tuple>
#include <vector>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/data/image_dataset.h"

namespace wgan::fuzz {

void read_image(std::string_view input) {
  if (input.empty()) return;
  FolderOptions options;
  const auto first = static_cast<unsigned char>(input[0]);
  options.image_size = 1 + first % 64;
  options.channels = first & 64 ? 1 : 3;
  // Small enough that a header claiming a large image is refused quickly; the limit itself is
  // tested in HostileInput.HugeImagesAreRefusedBeforeTheyAreDecoded.
  options.max_pixels = 1 << 20;
  const std::string dir = scratch_dir() + "/image";
  std::filesystem::remove_all(dir);
  write_file(dir, "input.png", input.substr(1));
  load_image_folder(dir, options);
}

void write_image_seeds(const std::string& dir) {
  // 48x40 RGB (the size stb's resizer once aborted on), written by stb_image_write.
  const int width = 48, height = 40;
  std::string pixels;
  for (int i = 0; i < width * height * 3; ++i) pixels += static_cast<char>((i * 7) % 251);
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), size);
  };
  const void* data = pixels.data();
  const std::vector<std::tuple<const char*, char, std::function<void(std::string*)>>> seeds = {
      {"png_to_32_rgb", 31, [&](std::string* f) { stbi_write_png_to_func(append, f, width, height, 3, data, width * 3); }},
      {"jpeg_to_16_grey", 15 | 64, [&](std::string* f) { stbi_write_jpg_to_func(append, f, width, height, 3, data, 90); }},
      {"bmp_to_40_rgb", 39, [&](std::string* f) { stbi_write_bmp_to_func(append, f, width, height, 3, data); }},
  };
  for (const auto& [name, first, encode] : seeds) {
    std::string file(1, first);
    encode(&file);
    write_file(dir, name, file);
  }
}

}  // namespace wgan::fuzz

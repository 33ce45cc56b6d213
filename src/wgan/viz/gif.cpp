#include "wgan/viz/gif.h"

#include <gif_lib.h>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"

namespace wgan {
namespace {

constexpr int kReds = 6, kGreens = 7, kBlues = 6;

// Palette indices [H, W] of one frame.
torch::Tensor to_indices(const torch::Tensor& frame, bool grey) {
  auto f = frame.to(torch::kInt32);
  if (grey) return f[0].contiguous();
  auto level = [&](int64_t c, int levels) {
    return (f[c] * (levels - 1) + 127).div(255, "floor");
  };
  return (level(0, kReds) * (kGreens * kBlues) + level(1, kGreens) * kBlues + level(2, kBlues)).contiguous();
}

ColorMapObject* make_palette(bool grey) {
  ColorMapObject* map = GifMakeMapObject(256, nullptr);
  for (int i = 0; i < 256; ++i) {
    GifColorType& c = map->Colors[i];
    if (grey) {
      c.Red = c.Green = c.Blue = static_cast<GifByteType>(i);
    } else if (i < kReds * kGreens * kBlues) {
      c.Red = static_cast<GifByteType>(255 * (i / (kGreens * kBlues)) / (kReds - 1));
      c.Green = static_cast<GifByteType>(255 * (i / kBlues % kGreens) / (kGreens - 1));
      c.Blue = static_cast<GifByteType>(255 * (i % kBlues) / (kBlues - 1));
    } else {
      c.Red = c.Green = c.Blue = 0;
    }
  }
  return map;
}

void check(int status, GifFileType* gif, const char* what) {
  if (status == GIF_ERROR)
    throw RunError(std::string("GIF ") + what + " failed (" + GifErrorString(gif ? gif->Error : 0) + ")");
}

}  // namespace

void write_gif(const std::string& path, const std::vector<torch::Tensor>& frames, int delay_cs) {
  if (frames.empty()) return;
  const int64_t h = frames[0].size(1), w = frames[0].size(2);
  const bool grey = frames[0].size(0) == 1;
  write_atomically(path, [&](const std::string& tmp) {
    int error = 0;
    GifFileType* gif = EGifOpenFileName(tmp.c_str(), false, &error);
    if (!gif) throw RunError("cannot open " + tmp + " (" + GifErrorString(error) + ")");
    try {
      EGifSetGifVersion(gif, true);
      ColorMapObject* palette = make_palette(grey);
      const int screen = EGifPutScreenDesc(gif, static_cast<int>(w), static_cast<int>(h), 256, 0, palette);
      GifFreeMapObject(palette);
      check(screen, gif, "screen");
      // NETSCAPE2.0 application extension: loop forever.
      const GifByteType loop[3] = {1, 0, 0};
      check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), gif, "extension");
      check(EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0"), gif, "extension");
      check(EGifPutExtensionBlock(gif, 3, loop), gif, "extension");
      check(EGifPutExtensionTrailer(gif), gif, "extension");
      for (const auto& frame : frames) {
        if (frame.size(1) != h || frame.size(2) != w) continue;  // a frame of another size
        GraphicsControlBlock control{};
        control.DisposalMode = DISPOSAL_UNSPECIFIED;
        control.DelayTime = delay_cs;
        control.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const size_t length = EGifGCBToExtension(&control, extension);
        check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension), gif, "delay");
        check(EGifPutImageDesc(gif, 0, 0, static_cast<int>(w), static_cast<int>(h), false, nullptr), gif, "frame");
        const auto indices = to_indices(frame.size(0) == 4 ? frame.slice(0, 0, 3) : frame, grey).to(torch::kUInt8);
        auto* row = indices.data_ptr<uint8_t>();
        for (int64_t y = 0; y < h; ++y)
          check(EGifPutLine(gif, row + y * w, static_cast<int>(w)), gif, "line");
      }
    } catch (...) {
      EGifCloseFile(gif, &error);
      throw;
    }
    if (EGifCloseFile(gif, &error) == GIF_ERROR)
      throw RunError(std::string("GIF close failed (") + GifErrorString(error) + ")");
  });
}

}  // namespace wgan

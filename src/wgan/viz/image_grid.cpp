#include "wgan/viz/image_grid.h"

#include "wgan/core/error.h"

namespace wgan {

torch::Tensor make_image_grid(const torch::Tensor& images, int64_t per_row, int64_t padding, GridScaling scaling) {
  TORCH_CHECK(images.dim() == 4, "make_image_grid expects [N, C, H, W], got ", images.sizes());
  auto x = images.detach().to(torch::kCPU, torch::kFloat32);
  const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  switch (scaling) {
    case GridScaling::kRange: x = (x + 1) / 2; break;
    case GridScaling::kBatch: x = (x - x.min()) / (x.max() - x.min()).clamp_min(1e-5); break;
    case GridScaling::kEach: {
      auto flat = x.flatten(1);
      auto lo = std::get<0>(flat.min(1)).view({n, 1, 1, 1});
      auto hi = std::get<0>(flat.max(1)).view({n, 1, 1, 1});
      x = (x - lo) / (hi - lo).clamp_min(1e-5);
      break;
    }
  }
  auto pixels = x.clamp(0, 1).mul(255).add(0.5).floor().to(torch::kUInt8);
  const int64_t columns = std::min(per_row, std::max<int64_t>(n, 1));
  const int64_t rows = (n + columns - 1) / columns;
  auto grid = torch::zeros({c, rows * (h + padding) + padding, columns * (w + padding) + padding}, torch::kUInt8);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t top = (i / columns) * (h + padding) + padding;
    const int64_t left = (i % columns) * (w + padding) + padding;
    grid.slice(1, top, top + h).slice(2, left, left + w).copy_(pixels[i]);
  }
  return grid;
}

}  // namespace wgan

// A grid of images, as torchvision's make_grid: `per_row` images per row, `padding` black
// pixels around and between them.
#pragma once
#include <torch/types.h>

#include <string>

#include "wgan/core/choice.h"

namespace wgan {

// How float pixels become 0..255:
//   range  (x + 1) / 2 from the generator's [-1, 1] (clamped), the default
//   batch  min-max over the whole batch (make_grid(normalize=True), as seed 000)
//   each   min-max per image (make_grid(normalize=True, scale_each=True))
enum class GridScaling { kRange, kBatch, kEach };
inline constexpr ChoiceName<GridScaling> kGridScalingNames[] = {
    {GridScaling::kRange, "range"}, {GridScaling::kBatch, "batch"}, {GridScaling::kEach, "each"}};
constexpr const auto& choice_table(GridScaling) { return kGridScalingNames; }

// images float [N, C, H, W] (C = 1 or 3) -> uint8 [C, rows * (H + p) + p, per_row * (W + p) + p].
torch::Tensor make_image_grid(const torch::Tensor& images, int64_t per_row = 8, int64_t padding = 2,
                              GridScaling scaling = GridScaling::kRange);

}  // namespace wgan

// Animated GIFs through giflib: the sample grids or 2-D maps of a run, in order.
#pragma once
#include <torch/types.h>

#include <string>
#include <vector>

namespace wgan {

// frames: uint8 [C, H, W] (C = 1, 3 or 4; alpha is dropped), all of one size. Grey frames keep
// 256 grey levels; colour frames are mapped to a fixed 6x7x6 colour cube. Loops forever;
// `delay_cs` hundredths of a second per frame. Written atomically.
void write_gif(const std::string& path, const std::vector<torch::Tensor>& frames, int delay_cs = 50);

}  // namespace wgan

// The 2-D picture of the WGAN-GP toy script and seed 001: the critic's value over the plane
// as a filled contour with a colour bar, the real points and the generated points on top.
#pragma once
#include <torch/types.h>

#include <string>

namespace wgan {

struct CriticMap {
  torch::Tensor values;  // [R, R] critic values; row 0 is the top (y = +extent), column 0 x = -extent
  double extent = 3;     // the map covers [-extent, extent]^2
  torch::Tensor real, fake;  // [N, 2] points
  std::string title;
};

// Writes a PNG (or SVG, by extension) of `size` pixels in height. Atomically.
void write_critic_map(const CriticMap& map, const std::string& path, int size = 560);

}  // namespace wgan

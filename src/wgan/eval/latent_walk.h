// Walks through latent space: between consecutive noise vectors, `steps` evenly spaced points,
// by spherical interpolation (slerp) for normal noise, whose mass lies near a sphere, and
// linear interpolation otherwise.
#pragma once
#include <torch/types.h>

namespace wgan {

// Spherical interpolation between rows a and b ([nz] each) at fraction t in [0, 1].
torch::Tensor slerp(const torch::Tensor& a, const torch::Tensor& b, double t);

// waypoints [n, nz] -> [(n - 1) * steps + 1, nz], starting at the first waypoint and ending
// at the last.
torch::Tensor latent_walk(const torch::Tensor& waypoints, int64_t steps, bool spherical);

}  // namespace wgan

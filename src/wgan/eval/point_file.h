// Files of points for `wgan distance`: CSV (rows of numbers) or a tensor saved with torch.save
// or `wgan sample`. Outside data: every problem is a UsageError naming the file (and the line).
#pragma once
#include <torch/types.h>

#include <string>

namespace wgan {

// Rows of numbers separated by commas, semicolons, tabs or spaces; a first line that is not
// numeric is a header. Every row has the same number of values, all finite.
torch::Tensor read_csv_points(const std::string& path);

// A .pt file (a pickled tensor, rows = points, the rest flattened) or else CSV, as float64
// [N, d].
torch::Tensor read_points(const std::string& path);

}  // namespace wgan

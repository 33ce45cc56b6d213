// Files of points for `wgan distance` and of samples for `wgan eval --samples`: CSV (rows of
// numbers) or a tensor saved with torch.save or `wgan sample`. Outside data: every problem is a
// UsageError naming the file (and the line).
#pragma once
#include <torch/types.h>

#include <string>

namespace wgan {

// Rows of numbers separated by commas, semicolons, tabs or spaces; a first line that is not
// numeric is a header. Every row has the same number of values, all finite.
torch::Tensor read_csv_points(const std::string& path);

// A tensor saved with torch.save or `wgan sample` (a pickled tensor), as it was saved: its dtype
// and shape. Read in a child process (crash_isolation.h), so a hostile file is a UsageError.
torch::Tensor read_tensor_file(const std::string& path);

// A .pt file (a pickled tensor, rows = points, the rest flattened) or else CSV, as float64
// [N, d].
torch::Tensor read_points(const std::string& path);

}  // namespace wgan

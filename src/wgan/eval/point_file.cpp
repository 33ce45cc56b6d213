// Files of points for `wgan distance` (point_file.h).
#include "wgan/eval/point_file.h"

#include <torch/serialize.h>

#include <cmath>
#include <filesystem>
#include <sstream>
#include <vector>

#include "wgan/core/atomic_file.h"
#include "wgan/core/crash_isolation.h"
#include "wgan/core/error.h"

namespace wgan {

torch::Tensor read_csv_points(const std::string& path) {
  std::istringstream lines(read_text_file(path));
  std::vector<double> values;
  int64_t columns = -1, rows = 0, line_number = 0;
  std::string line;
  while (std::getline(lines, line)) {
    ++line_number;
    for (char& c : line)
      if (c == ',' || c == ';' || c == '\t' || c == '\r') c = ' ';
    std::istringstream fields(line);
    std::vector<double> row;
    std::string field;
    bool numeric = true;
    while (fields >> field) {
      try {
        size_t used = 0;
        row.push_back(std::stod(field, &used));
        numeric = numeric && used == field.size();
      } catch (const std::exception&) {
        numeric = false;
      }
    }
    if (row.empty() && numeric) continue;  // blank line
    if (!numeric) {
      if (rows == 0 && line_number == 1) continue;  // header
      throw UsageError(path + ":" + std::to_string(line_number) + ": expected numbers, got '" + line + "'");
    }
    for (double v : row)
      if (!std::isfinite(v))
        throw UsageError(path + ":" + std::to_string(line_number) + ": " + std::to_string(v) +
                         "; expected finite numbers (a distance between points with NaN or Inf has no value)");
    if (columns < 0) columns = static_cast<int64_t>(row.size());
    if (static_cast<int64_t>(row.size()) != columns)
      throw UsageError(path + ":" + std::to_string(line_number) + ": " + std::to_string(row.size()) +
                       " values, expected " + std::to_string(columns) + " like the first row");
    values.insert(values.end(), row.begin(), row.end());
    ++rows;
  }
  if (rows == 0) throw UsageError(path + ": no points; expected rows of numbers");
  return torch::tensor(values, torch::kFloat64).view({rows, columns});
}

torch::Tensor read_tensor_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path))
    throw UsageError(path + ": no such file; expected a tensor saved with torch.save or wgan sample");
  try {
    const std::string pickled = repickled(read_text_file(path));  // read in a child (crash_isolation.h)
    const auto value = torch::pickle_load(std::vector<char>(pickled.begin(), pickled.end()));
    if (!value.isTensor()) throw std::runtime_error("not a tensor");
    return value.toTensor();
  } catch (const UsageError&) {
    throw;
  } catch (const ReaderCrashed& e) {
    throw UsageError(path + ": " + e.what() + "; expected a tensor saved with torch.save or wgan sample");
  } catch (const std::exception&) {
    throw UsageError(path + ": not a tensor file; expected a tensor saved with torch.save or wgan sample");
  }
}

torch::Tensor read_points(const std::string& path) {
  if (!std::filesystem::is_regular_file(path))
    throw UsageError(path + ": no such file; expected a .csv or .pt file of points");
  if (std::filesystem::path(path).extension() != ".pt") return read_csv_points(path);
  torch::Tensor t;
  try {
    t = read_tensor_file(path).to(torch::kFloat64);
  } catch (const c10::Error&) {
    throw UsageError(path + ": a tensor that is not real numbers; expected rows of points");
  }
  if (t.dim() == 0 || t.size(0) == 0) throw UsageError(path + ": an empty tensor; expected rows of points");
  t = t.reshape({t.size(0), -1});
  const auto bad = torch::nonzero(~torch::isfinite(t));
  if (bad.size(0) > 0)
    throw UsageError(path + ": row " + std::to_string(bad[0][0].item<int64_t>()) +
                     " holds NaN or Inf; expected finite numbers");
  return t;
}

}  // namespace wgan

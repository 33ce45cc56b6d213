// wgan distance's inputs: CSV rows of numbers, and a pickled tensor (.pt).
#include <torch/torch.h>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/eval/point_file.h"

namespace wgan::fuzz {

void read_points_csv(std::string_view input) { read_points(write_scratch("points.csv", input)); }

void read_points_pt(std::string_view input) { read_points(write_scratch("points.pt", input)); }

void write_points_csv_seeds(const std::string& dir) {
  write_file(dir, "header", "x,y\n0.5,1\n-2,3e-4\n\n7;8\n");
  write_file(dir, "spaces", "1 2 3\n4\t5\t6\r\n");
}

void write_points_pt_seeds(const std::string& dir) {
  for (const auto& [name, tensor] : {std::pair{"float32_2d", torch::arange(6, torch::kFloat32).view({3, 2})},
                                     std::pair{"float64_4d", torch::ones({2, 1, 2, 2}, torch::kFloat64)}}) {
    const std::vector<char> bytes = torch::pickle_save(tensor);
    write_file(dir, name, std::string_view(bytes.data(), bytes.size()));
  }
}

}  // namespace wgan::fuzz

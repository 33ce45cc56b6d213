// embed_generator MODEL N SEED OUT_DIR
//
// Loads a generator exported by `wgan export --checkpoint RUN/checkpoints/final.pt --out
// MODEL` with torch::jit::load, draws N noise vectors of the distribution it was trained on
// (its attributes `nz` and `noise`), and writes OUT_DIR/noise.csv and OUT_DIR/samples.csv
// (one flattened sample per row). Everything here is plain LibTorch.
#include <torch/script.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

void write_csv(const std::string& path, const torch::Tensor& rows) {
  const auto values = rows.reshape({rows.size(0), -1}).to(torch::kFloat64).contiguous();
  const auto a = values.accessor<double, 2>();
  std::ofstream out(path);
  char number[32];
  for (int64_t i = 0; i < a.size(0); ++i) {
    for (int64_t j = 0; j < a.size(1); ++j) {
      std::snprintf(number, sizeof number, "%.9g", a[i][j]);
      out << (j ? "," : "") << number;
    }
    out << "\n";
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: embed_generator MODEL N SEED OUT_DIR\n";
    return 2;
  }
  try {
    torch::jit::Module generator = torch::jit::load(argv[1]);
    generator.eval();
    const int64_t n = std::stoll(argv[2]);
    const int64_t nz = generator.attr("nz").toInt();
    const std::string noise_kind = generator.attr("noise").toStringRef();
    torch::manual_seed(std::stoll(argv[3]));
    const torch::Tensor noise = noise_kind == "uniform" ? torch::rand({n, nz}) * 2 - 1 : torch::randn({n, nz});
    torch::NoGradGuard no_grad;
    const torch::Tensor samples = generator.forward({noise}).toTensor();
    const std::string out = argv[4];
    write_csv(out + "/noise.csv", noise);
    write_csv(out + "/samples.csv", samples);
    std::cout << "wrote " << n << " samples of shape " << samples.sizes().slice(1) << " to " << out << "/samples.csv\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "embed_generator: " << e.what() << "\n";
    return 1;
  }
}

// The exported generator runs in C++ (torch::jit::load) and in Python (Debian's python3-torch)
// and gives what the C++ generator gives on the same noise.
#include "wgan/nets/torchscript_export.h"

#include <gtest/gtest.h>
#include <torch/script.h>

#include <cstdlib>
#include <fstream>

#include "../test_util.h"
#include "wgan/nets/mlp.h"
#include "wgan/nets/network_family.h"

namespace wgan {
namespace {

void save_tensor(const torch::Tensor& t, const std::string& path) {
  const std::vector<char> bytes = torch::pickle_save(t);
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Loads DIR/g.pt in Python, in a subprocess with Debian's interpreter (which has python3-torch;
// a python3 earlier on PATH, such as pyenv's, may not), and checks it maps z to `expected`.
void expect_python_matches(const test::TempDir& dir, const torch::Tensor& z, const torch::Tensor& expected,
                           int64_t nz) {
  if (!test::python_has_module("torch"))
    GTEST_SKIP() << "python3-torch is not installed (scripts/setup.sh installs it)";
  save_tensor(z, dir / "z.pt");
  save_tensor(expected, dir / "expected.pt");
  std::ofstream(dir / "check.py") << "import sys, torch\n"
                                  << "m = torch.jit.load(sys.argv[1] + '/g.pt')\n"
                                  << "z = torch.load(sys.argv[1] + '/z.pt')\n"
                                  << "y = torch.load(sys.argv[1] + '/expected.pt')\n"
                                  << "assert m.nz == " << nz
                                  << " and list(m.output_shape) == list(y.shape[1:]), (m.nz, m.output_shape)\n"
                                  << "print((m(z) - y).abs().max().item())\n";
  const auto checked = test::run_python((dir / "check.py") + " " + dir.path());
  ASSERT_EQ(checked.status, 0) << checked.output;
  EXPECT_LT(std::stod(checked.output), 1e-5) << checked.output;
}

class TorchScriptExport : public ::testing::TestWithParam<Activation> {};

TEST_P(TorchScriptExport, MatchesTheGeneratorInCppAndPython) {
  test::TempDir dir;
  torch::manual_seed(3);
  MLPOptions options;
  options.in = 5;
  options.output_shape = {2};
  options.width = 24;
  options.depth = 3;
  options.activation = GetParam();
  MLPImpl generator(options);
  export_generator(generator, {5, "normal", {2}}, dir / "g.pt");

  auto z = torch::randn({37, 5});
  torch::Tensor expected;
  {
    torch::NoGradGuard no_grad;
    expected = generator.forward(z);
  }
  // C++: any batch size, the recorded attributes.
  torch::jit::Module loaded = torch::jit::load(dir / "g.pt");
  auto out = loaded.forward({z}).toTensor();
  EXPECT_LT((out - expected).abs().max().item<double>(), 1e-5);
  EXPECT_EQ(loaded.forward({z.narrow(0, 0, 1)}).toTensor().sizes(), torch::IntArrayRef({1, 2}));
  EXPECT_EQ(loaded.attr("nz").toInt(), 5);
  EXPECT_EQ(loaded.attr("noise").toStringRef(), "normal");

  expect_python_matches(dir, z, expected, 5);
}

std::string activation_name(const ::testing::TestParamInfo<Activation>& info) {
  switch (info.param) {
    case Activation::kReLU: return "relu";
    case Activation::kLeakyReLU: return "leaky_relu";
    case Activation::kELU: return "elu";
  }
  return "unknown";
}

INSTANTIATE_TEST_SUITE_P(Activations, TorchScriptExport,
                         ::testing::Values(Activation::kReLU, Activation::kLeakyReLU, Activation::kELU),
                         activation_name);

// Image generators with each normalisation: convolutions, transposed convolutions, reshapes,
// and normalisation layers written in evaluation mode (batch norm with its running statistics).
TEST(TorchScriptExportImages, MatchesEveryImageGeneratorInEvaluationMode) {
  test::TempDir dir;
  for (const std::string arch : {"dcgan", "dcgan-mnist", "dcgan-dense", "mlp"}) {
    for (const Norm norm : {Norm::kBatch, Norm::kInstance, Norm::kLayer, Norm::kNone}) {
      SCOPED_TRACE(arch + " norm " + std::to_string(static_cast<int>(norm)));
      torch::manual_seed(5);
      ImageNetOptions o;
      o.nz = 6;
      o.channels = 3;
      o.image_size = arch == "dcgan-mnist" ? 28 : 16;
      o.ngf = o.ndf = 4;
      o.g_width = 16;
      o.norm_g = norm;
      o.extra_layers = 1;
      Network generator = make_image_networks(arch, o).generator;
      {
        // Some training-mode passes, so that batch norm's running statistics are not trivial.
        torch::NoGradGuard no_grad;
        for (int k = 0; k < 3; ++k) generator->forward(torch::randn({16, 6}) * 2 + 1);
      }
      generator->eval();
      export_generator(*generator, {6, "normal", {3, o.image_size, o.image_size}}, dir / "g.pt");
      auto z = torch::randn({5, 6});
      torch::NoGradGuard no_grad;
      auto expected = generator->forward(z);
      auto out = torch::jit::load(dir / "g.pt").forward({z}).toTensor();
      ASSERT_EQ(out.sizes(), expected.sizes());
      EXPECT_LT((out - expected).abs().max().item<double>(), 1e-5);
      if (arch == "dcgan" && norm == Norm::kBatch) expect_python_matches(dir, z, expected, 6);
      if (arch == "mlp") break;
    }
  }
}

}  // namespace
}  // namespace wgan

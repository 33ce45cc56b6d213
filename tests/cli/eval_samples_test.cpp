// wgan eval --samples: the run's metrics of samples another program made. Points at the 25
// Gaussians' centres cover every mode, points between them none; the real MNIST digits, read by
// Python from the published files, are far closer to the data than noise; bad files are one line.
#include <gtest/gtest.h>
#include <torch/serialize.h>
#include <torch/torch.h>

#include <fstream>

#include "../test_util.h"

namespace wgan::test {
namespace {

nlohmann::json last_json_line(const std::string& output) {
  const auto start = output.rfind("\n{");
  return nlohmann::json::parse(output.substr(start == std::string::npos ? 0 : start + 1));
}

void save_tensor(const torch::Tensor& t, const std::string& path) {
  const std::vector<char> bytes = torch::pickle_save(t);
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string train_toy_run(const TempDir& dir) {
  const std::string run = dir / "toy";
  const CommandResult r = run_wgan("train --dataset gaussians25 --iters 1 --g-width 8 --d-width 8 --eval-every 0 "
                                   "--eval-samples 100 --sample-every 0 --threads 1 --quiet --out " + run);
  EXPECT_EQ(r.status, 0) << r.output;
  return run;
}

TEST(EvalSamples, PointsAtTheCentresCoverEveryModeAndPointsBetweenThemNone) {
  TempDir dir;
  const std::string run = train_toy_run(dir);
  // The grid's centres (2i, 2j), i, j in -2..2, eight times each; then moved by (1, 1).
  const auto axis = torch::arange(-4, 5, 2, torch::kFloat32);
  const auto grid = torch::stack(torch::meshgrid({axis, axis}, "ij"), -1).reshape({25, 2}).repeat({8, 1});
  save_tensor(grid, dir / "centres.pt");
  save_tensor(grid + 1, dir / "between.pt");
  const std::string log_before = read_file(run + "/metrics.jsonl");
  CommandResult r = run_wgan("eval --run " + run + " --samples " + (dir / "centres.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  nlohmann::json m = last_json_line(r.output);
  EXPECT_EQ(m["modes_covered"], 25) << r.output;
  EXPECT_DOUBLE_EQ(m["hq_percent"].get<double>(), 100.0);
  r = run_wgan("eval --run " + run + " --samples " + (dir / "between.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  m = last_json_line(r.output);
  EXPECT_EQ(m["modes_covered"], 0) << r.output;
  EXPECT_DOUBLE_EQ(m["hq_percent"].get<double>(), 0.0);
  // Scoring a file is not an evaluation of the run: its log keeps no record of it.
  EXPECT_EQ(read_file(run + "/metrics.jsonl"), log_before);
}

TEST(EvalSamples, RealDigitsSavedByPythonScoreFarBetterThanNoise) {
  if (mnist_dir().empty()) GTEST_SKIP() << "no MNIST digits (../shared/data/mnist)";
  if (!python_has_module("torch")) GTEST_SKIP() << "no Python torch";
  TempDir dir;
  const std::string run = dir / "mnist";
  CommandResult r = run_wgan("train --dataset mnist --data " + mnist_dir() + " --image-size 28 --channels 1 "
                             "--arch dcgan-mnist --ngf 4 --ndf 4 --iters 1 --eval-every 0 --sample-every 0 "
                             "--threads 1 --quiet --out " + run);
  ASSERT_EQ(r.status, 0) << r.output;
  // The last 600 digits as uint8, and uniform noise in [-1, 1] as float, both by torch.save.
  write_bytes(dir / "write.py",
              "import gzip, sys, torch\n"
              "raw = gzip.open(sys.argv[1] + '/t10k-images-idx3-ubyte.gz').read()[16:]\n"
              "digits = torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(-1, 1, 28, 28)\n"
              "torch.save(digits[-600:].clone(), sys.argv[2] + '/digits.pt')\n"
              "torch.save(torch.rand(600, 1, 28, 28) * 2 - 1, sys.argv[2] + '/noise.pt')\n");
  const CommandResult py = run_python((dir / "write.py") + " " + mnist_dir() + " " + dir.path());
  ASSERT_EQ(py.status, 0) << py.output;
  r = run_wgan("eval --run " + run + " --samples " + (dir / "digits.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  const double digits = last_json_line(r.output)["swd"].get<double>();
  r = run_wgan("eval --run " + run + " --samples " + (dir / "noise.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  const double noise = last_json_line(r.output)["swd"].get<double>();
  EXPECT_LT(10 * digits, noise) << "real digits " << digits << ", noise " << noise;
}

TEST(EvalSamples, FilesOfTheWrongShapeOrValuesAreOneLine) {
  TempDir dir;
  const std::string run = train_toy_run(dir);
  save_tensor(torch::zeros({10, 3}), dir / "three.pt");
  save_tensor(torch::zeros({1, 2}), dir / "one.pt");
  save_tensor(torch::zeros({5001, 2}), dir / "many.pt");
  save_tensor(torch::full({10, 2}, std::nan("")), dir / "nan.pt");
  write_bytes(dir / "junk.pt", "not a tensor");
  for (const auto& [file, mention] : std::vector<std::pair<std::string, std::string>>{
           {"three.pt", "[10, 3]; expected [N, 2]"}, {"one.pt", "[1, 2]"}, {"nan.pt", "NaN"}, {"many.pt", "5001 samples; expected at most 5000"},
           {"junk.pt", "not a tensor file"}, {"none.pt", "no such file"}})
    expect_usage_error("eval --run " + run + " --samples " + (dir / file), mention);
}

}  // namespace
}  // namespace wgan::test

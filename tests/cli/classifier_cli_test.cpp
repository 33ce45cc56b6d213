// wgan classifier train on the real MNIST digits, and FID/KID/classifier metrics of an image
// run through it (wgan train --features, wgan eval).
#include <gtest/gtest.h>

#include <regex>

#include "../test_util.h"

namespace wgan::test {
namespace {

// The number matched by the group of `pattern` in `text`, or NaN.
double number_in(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return std::nan("");
  return std::stod(m[1]);
}

TEST(ClassifierCli, LearnsMnistFromEightThousandDigits) {
  const std::string mnist = mnist_dir();
  if (mnist.empty()) GTEST_SKIP() << "the MNIST test set is not available; set WGAN_MNIST_DIR";
  TempDir dir;
  // The protocol: the first 8,000 digits train it, the last 2,000 measure it.
  const CommandResult r = run_wgan("classifier train --data " + mnist + " --out " + (dir / "c.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("training on images 1-8000"), std::string::npos) << r.output;
  EXPECT_GE(number_in(r.output, "test accuracy ([0-9.]+) % on 2000 images"), 97.0) << r.output;
  EXPECT_GE(number_in(r.output, "classifier score: ([0-9.]+) on the test images"), 9.0) << r.output;
  EXPECT_LE(number_in(r.output, "test images, ([0-9.]+) on uniform noise"), 2.0) << r.output;
  // Python loads the file too, with its features and logits.
  if (python_has_module("torch")) {
    const auto py = run_python("-c \"import sys, torch; m = torch.jit.load(sys.argv[1]); x = torch.zeros(3, 1, 28, 28); "
                               "print(m.kind, tuple(m.features(x).shape), tuple(m(x).shape))\" " + (dir / "c.pt"));
    EXPECT_NE(py.output.find("wgan-classifier (3, 128) (3, 10)"), std::string::npos) << py.output;
  }
}

TEST(ClassifierCli, ImageRunLogsFidKidAndTheClassHistogram) {
  const std::string mnist = mnist_dir();
  if (mnist.empty()) GTEST_SKIP() << "the MNIST test set is not available; set WGAN_MNIST_DIR";
  TempDir dir;
  CommandResult r = run_wgan("classifier train --data " + mnist +
                             " --train-count 1000 --test-count 500 --epochs 1 --out " + (dir / "c.pt"));
  ASSERT_EQ(r.status, 0) << r.output;
  r = run_wgan("train --preset seed004-mnist-gp --data " + mnist + " --ngf 8 --ndf 8 --batch-size 16 --iters 4 "
               "--eval-every 2 --eval-samples 300 --features " + (dir / "c.pt") + " --quiet --out " + (dir / "run"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto records = metrics_without_time(dir / "run");
  int evaluated = 0;
  for (const auto& m : records) {
    if (!m.contains("fid")) continue;
    ++evaluated;
    EXPECT_GT(m["fid"].get<double>(), 0);
    EXPECT_TRUE(m.contains("kid") && m.contains("kid_std"));
    EXPECT_GE(m["classifier_score"].get<double>(), 1.0 - 1e-9);
    int64_t total = 0;
    for (const auto& count : m["class_histogram"]) total += count.get<int64_t>();
    EXPECT_EQ(m["class_histogram"].size(), 10u);
    EXPECT_EQ(total, 300);
  }
  EXPECT_EQ(evaluated, 2);
  const std::string log = read_file(dir / "run/log.txt");
  EXPECT_NE(log.find("features of 10000 real images: computed"), std::string::npos) << log;
  // wgan eval: the same numbers as the final evaluation, the real features from the cache.
  r = run_wgan("eval --run " + (dir / "run") + " --n 300");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("real images: from "), std::string::npos) << r.output;
  EXPECT_NEAR(number_in(r.output, "FID ([0-9.]+)"), records.back()["fid"].get<double>(), 1e-3) << r.output;
  // --features on 2-D data is refused with one line.
  expect_usage_error("train --iters 2 --features " + (dir / "c.pt") + " --out " + (dir / "toy"), "--features");
}

}  // namespace
}  // namespace wgan::test

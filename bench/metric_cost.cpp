// The cost of one evaluation's sample-quality metrics on this machine, on random data of the
// sizes a run uses: precision/recall/density/coverage of 2,500 generated against 10,000 real
// 128-d classifier features (and 2,500 against 2,500 2-D points), and ProGAN's sliced
// Wasserstein distance at the training evaluation's settings and at ProGAN's. One JSON line
// per measurement (docs/metrics.md quotes them).
//
//   wgan_metric_cost [--threads 2]
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <string>

#include "wgan/eval/manifold_metrics.h"
#include "wgan/eval/sliced_wasserstein_images.h"
#include "wgan/run/image_evaluation.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename F>
double seconds(F&& f) {
  const auto start = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void report(const std::string& what, double s) {
  std::cout << nlohmann::json{{"metric", what}, {"seconds", s}, {"threads", torch::get_num_threads()}}.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 2;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--threads") threads = std::stoi(argv[i + 1]);
  torch::set_num_threads(threads);
  torch::manual_seed(0);
  using namespace wgan;
  {
    const auto real = torch::randn({10000, 128}), fake = torch::randn({2500, 128});
    std::unique_ptr<ManifoldReference> reference;
    report("manifold reference, 10000 real 128-d features (once per run)",
           seconds([&] { reference = std::make_unique<ManifoldReference>(real); }));
    report("precision/recall/density/coverage, 2500 generated 128-d features",
           seconds([&] { reference->measure(fake); }));
    const auto points = torch::randn({2500, 2}), other = torch::randn({2500, 2});
    report("precision/recall/density/coverage, 2500 against 2500 2-D points",
           seconds([&] { manifold_metrics(points, other); }));
  }
  for (int64_t size : {32, 64}) {
    const auto real = torch::rand({kSwdImages, 3, size, size}) * 2 - 1,
               fake = torch::rand({kSwdImages, 3, size, size}) * 2 - 1;
    ImageSwdOptions evaluation;
    evaluation.patches_per_image = kSwdPatchesPerImage;
    evaluation.direction_repeats = kSwdDirectionRepeats;
    report("SWD, training evaluation settings, " + std::to_string(kSwdImages) + " images " + std::to_string(size) +
               "x" + std::to_string(size),
           seconds([&] { image_sliced_wasserstein(real, fake, evaluation); }));
    report("SWD, ProGAN settings (128 neighbourhoods, 4 x 128 directions), " + std::to_string(kSwdImages) + " images " +
               std::to_string(size) + "x" + std::to_string(size),
           seconds([&] { image_sliced_wasserstein(real, fake); }));
  }
  return 0;
}

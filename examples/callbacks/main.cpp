// Early stopping from a callback: seed 004's networks (dcgan-mnist) train with WGAN-GP on
// MNIST, evaluated every 10 iterations by the sliced Wasserstein distance of the images to the
// real digits (swd, lower is better); the callback stops the run once swd has fallen to
// FRACTION of its first value, or at MAX_ITERS.
//
//   callbacks MNIST_DIR OUT FRACTION MAX_ITERS
#include <wgan/wgan.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: callbacks MNIST_DIR OUT FRACTION MAX_ITERS\n";
    return 2;
  }
  try {
    wgan::TrainConfig config;
    config.dataset = "mnist";
    config.data_dir = argv[1];
    wgan::set_objective(config, wgan::Loss::wgan_gp);  // with its own constraint, the penalty
    config.arch = "dcgan-mnist";
    config.ngf = config.ndf = 16;  // small networks: a minute on two cores
    config.iters = std::stoll(argv[4]);
    config.log_every = 10;
    config.eval_every = 10;
    config.eval_samples = 256;
    config.sample_every = 0;
    config.quiet = true;
    const double fraction = std::stod(argv[3]);

    wgan::RunParts parts;  // the library's data and networks; only the callback is ours
    std::optional<double> first;
    parts.on_log = [&](const nlohmann::json& record) {
      if (!record.contains(wgan::metric::kSwd)) return true;  // no evaluation this time
      const double swd = record[wgan::metric::kSwd].get<double>();
      const auto iteration = record[wgan::metric::kIteration].get<long long>();
      if (!first) first = swd;
      std::printf("iteration %lld: swd %.4f (%.0f %% of the first)\n", iteration, swd, 100 * swd / *first);
      if (swd > fraction * *first) return true;
      std::printf("stopping at iteration %lld: swd %.4f <= %.2f x %.4f\n", iteration, swd, fraction, *first);
      return false;
    };
    const wgan::RunSummary summary = wgan::train_run(config, parts, argv[2], std::cout);
    std::printf("%s at iteration %lld; report: %s/report.html\n", summary.stopped ? "stopped" : "finished",
                static_cast<long long>(summary.last.iteration), summary.run_dir.c_str());
    return 0;
  } catch (const wgan::UsageError& e) {
    std::cerr << "callbacks: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "callbacks: " << e.what() << "\n";
    return 1;
  }
}

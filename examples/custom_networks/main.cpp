// A program's own networks and data trained by wgan: residual MLPs (plain torch::nn modules
// wgan does not know) learn a two-armed spiral (a data set wgan does not ship) with WGAN-GP.
// The run directory is wgan's usual one: config.json, metrics.jsonl, checkpoints, critic maps,
// report.html.
//
//   custom_networks train OUT ITERS [STOP_AT]   a new run in OUT; with STOP_AT, a callback
//                                               stops it after that iteration's record
//   custom_networks resume OUT                  continues OUT from its latest checkpoint
#include <torch/torch.h>
#include <wgan/wgan.h>

#include <cstdio>
#include <iostream>
#include <string>

// x -> first -> (x + relu(block(x))) x depth -> last: a residual MLP.
struct ResidualMlpImpl : torch::nn::Module {
  ResidualMlpImpl(int64_t in, int64_t width, int64_t depth, int64_t out)
      : first(register_module("first", torch::nn::Linear(in, width))),
        last(register_module("last", torch::nn::Linear(width, out))) {
    for (int64_t i = 0; i < depth; ++i)
      blocks.push_back(register_module("block" + std::to_string(i), torch::nn::Linear(width, width)));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(first(x));
    for (auto& block : blocks) x = x + torch::relu(block(x));
    return last(x);
  }
  torch::nn::Linear first, last;
  std::vector<torch::nn::Linear> blocks;
};
TORCH_MODULE(ResidualMlp);

// Two arms of a spiral, 2,000 points.
torch::Tensor spiral() {
  const auto t = torch::linspace(0.5, 3.5, 1000);
  const auto arm = torch::stack({t * torch::cos(2 * t), t * torch::sin(2 * t)}, 1);
  return torch::cat({arm, -arm});
}

constexpr int64_t kNoise = 8;

wgan::RunParts parts() {
  wgan::RunParts p;
  p.data = std::make_shared<wgan::TensorSource>(spiral(), /*seed=*/1);
  p.make_generator = [] { return wgan::as_network(ResidualMlp(kNoise, 64, 2, 2)); };
  p.make_critic = [] { return wgan::as_network(ResidualMlp(2, 64, 2, 1)); };
  return p;
}

void print(const wgan::RunSummary& summary) {
  std::printf("%s at iteration %lld, W estimate %.6f\n", summary.stopped ? "stopped" : "finished",
              static_cast<long long>(summary.last.iteration), summary.last.wasserstein_estimate);
  if (summary.final_metrics.contains(wgan::metric::kW1))
    std::printf("W1 to the spiral: %.4f\n", summary.final_metrics[wgan::metric::kW1].get<double>());
  std::printf("report: %s/report.html\n", summary.run_dir.c_str());
}

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  try {
    if (command == "train" && (argc == 4 || argc == 5)) {
      wgan::TrainConfig config;
      // WGAN-GP: the paper's Adam (1e-4, 0.5, 0.9), 5 critic steps, lambda 10.
      wgan::set_objective(config, wgan::Loss::wgan_gp, wgan::Constraint::gp);
      config.nz = kNoise;
      config.batch_size = 128;
      config.iters = std::stoll(argv[3]);
      config.log_every = 10;
      config.eval_every = 50;
      config.eval_samples = 500;
      config.sample_every = 50;
      config.checkpoint_every = 50;
      config.quiet = true;
      // The same threads throughout, even while other processes are busy: a resumed run then
      // repeats the straight one bit for bit (fewer threads sum in another order;
      // docs/performance.md, "Sharing the machine").
      config.share_cores = false;
      wgan::RunParts p = parts();
      if (argc == 5) {
        const int64_t stop_at = std::stoll(argv[4]);
        p.on_log = [stop_at](const nlohmann::json& record) {
          return record[wgan::metric::kIteration].get<int64_t>() < stop_at;
        };
      }
      print(wgan::train_run(config, p, argv[2], std::cout));
      return 0;
    }
    if (command == "resume" && argc == 3) {
      print(wgan::resume_run(argv[2], parts(), std::cout));
      return 0;
    }
  } catch (const wgan::UsageError& e) {
    std::cerr << "custom_networks: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "custom_networks: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: custom_networks train OUT ITERS [STOP_AT] | custom_networks resume OUT\n";
  return 2;
}

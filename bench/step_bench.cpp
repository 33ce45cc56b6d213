// One generator iteration (n_critic critic steps and one generator step) of a benchmark case,
// timed in the wgan trainer on fixed random data; or the machine's ceiling through LibTorch.
// Prints one JSON line. bench/speed.sh runs it beside bench/pytorch_step.py and prints the table
// (docs/performance.md).
//
//   wgan_step_bench CASE [--threads 2] [--warmup 3] [--repeats 10] [--no-fast-paths] [--bf16]
//                        [--device cpu|cuda|cuda:N]
//   wgan_step_bench CASE --phases [...]   where the time of one iteration goes
//   wgan_step_bench --ceiling [--threads 2] [--device ...]
//
// CASE: toy25-gp, mnist-gp, dcgan64-wgan, dcgan64-gp.
#include <sys/resource.h>
#include <torch/cuda.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/config/presets.h"
#include "wgan/data/batch_source.h"
#include "wgan/nets/normalization.h"
#include "wgan/nets/sequential_network.h"
#include "wgan/objectives/classic_objectives.h"
#include "wgan/objectives/gradient_penalty.h"
#include "wgan/run/runtime.h"
#include "wgan/train/networks.h"
#include "wgan/train/optimizer_factory.h"
#include "wgan/train/trainer.h"

namespace {

using Clock = std::chrono::steady_clock;

// The device everything runs on; GPU work is asynchronous, so every clock reading waits for it.
torch::Device g_device(torch::kCPU);

void synchronize() {
  if (g_device.is_cuda()) torch::cuda::synchronize(g_device.index());
}

// 16 fixed batches of uniform noise in [-1, 1]: the data costs nothing, as in the Python script.
class FixedData : public wgan::BatchSource {
 public:
  FixedData(std::vector<int64_t> shape, int64_t batch) : shape_(std::move(shape)) {
    std::vector<int64_t> all = {16 * batch};
    all.insert(all.end(), shape_.begin(), shape_.end());
    data_ = torch::rand(all) * 2 - 1;
  }
  torch::Tensor batch(int64_t index, int64_t n) override {
    const int64_t start = (index * n) % data_.size(0);
    return data_.slice(0, start, std::min(start + n, data_.size(0)));
  }
  std::vector<int64_t> sample_shape() const override { return shape_; }

 private:
  std::vector<int64_t> shape_;
  torch::Tensor data_;
};

void use_adam(wgan::TrainConfig& c) {
  for (auto* o : {&c.optimizer_d, &c.optimizer_g}) {
    o->name = wgan::OptimizerKind::kAdam;
    o->lr = 1e-4, o->beta1 = 0.5, o->beta2 = 0.9;
  }
}

wgan::TrainConfig case_config(const std::string& name) {
  wgan::TrainConfig c;
  if (name == "toy25-gp") {
    c.dataset = "gaussians25";
    c.loss = "wgan-gp";
    wgan::apply_loss_defaults(c);
    c.arch = "mlp";
    c.g_width = c.d_width = 512;
    c.g_depth = c.d_depth = 3;
    c.nz = 2;
    c.batch_size = 256;
  } else if (name == "mnist-gp") {
    wgan::apply_preset("seed004-mnist-gp", c);
  } else if (name == "dcgan64-wgan") {
    wgan::apply_preset("seed000-cifar10-wgan", c);
    c.batch_size = 64;  // the WGAN paper's m
  } else if (name == "dcgan64-gp") {
    wgan::apply_preset("seed000-cifar10-wgan", c);
    c.loss = "wgan-gp";
    wgan::apply_loss_defaults(c);
    c.norm_d = wgan::Norm::kLayer;
    c.batch_size = 64;
  } else {
    throw std::runtime_error("unknown case " + name + "; expected toy25-gp, mnist-gp, dcgan64-wgan or dcgan64-gp");
  }
  if (c.loss == "wgan-gp") use_adam(c);
  c.n_critic = 5;
  c.critic_warmup = false;
  wgan::resolve_automatic_choices(c);
  return c;
}

// Multiply-adds of one forward pass of one sample through each layer of a Sequential network,
// found by running a sample through it layer by layer.
int64_t forward_macs(wgan::NetworkImpl& network, std::vector<int64_t> input_shape) {
  auto* seq = dynamic_cast<wgan::SequentialNetworkImpl*>(&network);
  if (!seq) return 0;
  torch::NoGradGuard no_grad;
  input_shape.insert(input_shape.begin(), 1);
  auto x = torch::zeros(input_shape);
  int64_t macs = 0;
  const bool was_training = network.is_training();
  network.eval();
  for (auto& layer : *seq->layers) {
    auto y = layer.forward(x);
    const auto module = layer.ptr();
    if (auto* l = module->as<torch::nn::Linear>())
      macs += l->weight.numel();
    else if (auto* c = module->as<torch::nn::Conv2d>())
      macs += y.numel() * c->weight[0].numel();  // each output: C_in/groups * k * k
    else if (auto* t = module->as<torch::nn::ConvTranspose2d>())
      macs += x.numel() * t->weight[0].numel();  // each input: C_out/groups * k * k
    x = y;
  }
  network.train(was_training);
  return macs;
}

// FLOPs of one generator iteration (2 per multiply-add), from the networks' forward cost F_G,
// F_D per sample: a backward pass costs 2 forwards (input and weight gradients); the penalty
// costs 6 critic forwards (forward on the interpolates, the input gradient, and the backward
// of both); the generator step back-propagates through the critic to its input only (1).
double iteration_flops(const wgan::TrainConfig& c, int64_t g_macs, int64_t d_macs) {
  const double b = static_cast<double>(c.batch_size), g = g_macs, d = d_macs;
  double critic_step = g * b + 3 * d * 2 * b;  // G forward; D forward + backward on 2B
  if (c.loss == "wgan-gp") critic_step += 6 * d * b;
  const double generator_step = 3 * g * b + 2 * d * b;  // G forward + backward; D forward + input gradient
  return 2 * (c.n_critic * critic_step + generator_step);
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;
}

template <typename F>
double median_ms(int warmup, int repeats, F&& run) {
  std::vector<double> times;
  for (int i = 0; i < warmup + repeats; ++i) {
    const auto start = Clock::now();
    run(i);
    synchronize();
    if (i >= warmup) times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

nlohmann::json ceiling(int threads) {
  // A large matrix product and a large convolution, float32, through the same LibTorch.
  const auto on = torch::TensorOptions().device(g_device);
  const auto a = torch::randn({2048, 2048}, on), b = torch::randn({2048, 2048}, on);
  const double mm_ms = median_ms(2, 5, [&](int) { torch::mm(a, b); });
  const auto x = torch::randn({32, 128, 32, 32}, on), w = torch::randn({128, 128, 3, 3}, on);
  const double conv_ms = median_ms(2, 5, [&](int) { torch::conv2d(x, w, {}, 1, 1); });
  const double mm_flops = 2.0 * 2048 * 2048 * 2048, conv_flops = 2.0 * 32 * 128 * 128 * 9 * 32 * 32;
  return {{"mode", "ceiling"},
          {"threads", threads},
          {"device", g_device.str()},
          {"matmul_gflops", mm_flops / mm_ms / 1e6},
          {"conv_gflops", conv_flops / conv_ms / 1e6}};
}

// Where the time of one generator iteration goes: the fast-path step taken apart into phases,
// each timed on its own (the sum is close to the trainer's iteration; the divergence check and
// the bookkeeping are left out). bench/pytorch_step.py --phases times the same phases.
nlohmann::json phase_times(const wgan::TrainConfig& config, wgan::NetworkPair networks, wgan::BatchSource& data,
                           int warmup, int repeats) {
  auto& g = *networks.generator;
  auto& d = *networks.critic;
  g.to(g_device);
  d.to(g_device);
  const auto on = torch::TensorOptions().device(g_device);
  auto opt_d = wgan::make_optimizer(config.optimizer_d, d.parameters());
  auto opt_g = wgan::make_optimizer(config.optimizer_g, g.parameters());
  const bool gp = config.loss == "wgan-gp";
  const bool joint = !wgan::has_batch_norm(d);
  const std::vector<std::string> names = {"g_forward",   "d_forward_backward",      "penalty",
                                          "d_optimizer", "g_step_forward_backward", "g_optimizer"};
  std::vector<std::vector<double>> samples(names.size());
  for (int i = 0; i < warmup + repeats; ++i) {
    std::vector<double> sum(names.size(), 0.0);
    auto t = Clock::now();
    auto lap = [&](size_t phase) {
      synchronize();
      const auto now = Clock::now();
      sum[phase] += std::chrono::duration<double, std::milli>(now - t).count();
      t = now;
    };
    for (int64_t k = 0; k < config.n_critic; ++k) {
      wgan::CriticBatch b;
      b.real = data.batch(i * config.n_critic + k, config.batch_size).to(g_device);
      t = Clock::now();
      {
        torch::NoGradGuard no_grad;
        b.fake = g.forward(torch::randn({config.batch_size, config.nz}, on));
      }
      lap(0);
      b.joint_pass = joint;
      opt_d->zero_grad();
      wgan::wasserstein_critic_loss(d, b).loss.backward();
      lap(1);
      if (gp)
        (config.gp_lambda * wgan::gradient_penalty(d, b.real, b.fake, torch::rand({config.batch_size}, on))).backward();
      lap(2);
      opt_d->step();
      if (config.loss == "wgan")
        wgan::clip_parameters(d, config.clip.value(), config.clip_scope == wgan::ClipScope::kWeights);
      lap(3);
    }
    for (auto& p : d.parameters()) p.requires_grad_(false);
    opt_g->zero_grad();
    wgan::wasserstein_generator_loss(d.forward(g.forward(torch::randn({config.batch_size, config.nz}, on)))).backward();
    for (auto& p : d.parameters()) p.requires_grad_(true);
    lap(4);
    opt_g->step();
    lap(5);
    if (i >= warmup)
      for (size_t p = 0; p < names.size(); ++p) samples[p].push_back(sum[p]);
  }
  nlohmann::json out;
  for (size_t p = 0; p < names.size(); ++p) {
    std::sort(samples[p].begin(), samples[p].end());
    out[names[p]] = samples[p][samples[p].size() / 2];
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string name;
  int threads = 2, warmup = 3, repeats = 10;
  std::string device_name = "cpu";
  bool fast = true, want_ceiling = false, want_phases = false, bf16 = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&] {
      return i + 1 < argc ? std::stoi(argv[++i]) : throw std::runtime_error(arg + ": expected a value");
    };
    if (arg == "--threads")
      threads = next();
    else if (arg == "--warmup")
      warmup = next();
    else if (arg == "--repeats")
      repeats = next();
    else if (arg == "--no-fast-paths")
      fast = false;
    else if (arg == "--ceiling")
      want_ceiling = true;
    else if (arg == "--phases")
      want_phases = true;
    else if (arg == "--bf16")
      bf16 = true;
    else if (arg == "--device")
      device_name = i + 1 < argc ? argv[++i] : throw std::runtime_error("--device: expected a value");
    else
      name = arg;
  }
  try {
    wgan::configure_threads(threads);
    g_device = wgan::resolve_device(device_name);
    if (fast) wgan::keep_freed_memory();  // as `wgan train` does unless --no-fast-paths
    if (want_ceiling) {
      std::cout << ceiling(threads).dump() << std::endl;  // on --device
      return 0;
    }
    wgan::TrainConfig config = case_config(name);
    config.fast_paths = fast;
    if (bf16) config.precision = wgan::Precision::kBf16;
    torch::manual_seed(0);
    auto networks = wgan::make_networks(config);
    const int64_t g_macs = forward_macs(*networks.generator, {config.nz});
    const auto shape = wgan::sample_shape(config);
    const int64_t d_macs = forward_macs(*networks.critic, shape);
    if (want_phases) {
      FixedData data(shape, config.batch_size);
      std::cout << nlohmann::json{{"case", name},
                                  {"mode", "wgan-phases"},
                                  {"threads", threads},
                                  {"phases_ms", phase_times(config, networks, data, warmup, repeats)}}
                       .dump()
                << std::endl;
      return 0;
    }
    wgan::Trainer trainer(config, networks, std::make_shared<FixedData>(shape, config.batch_size), g_device);
    // As the run on the CPU: the iteration, then the divergence flag read back.
    const double ms = median_ms(warmup, repeats, [&](int) {
      trainer.train_iteration().loss_d.item<double>();
      trainer.check_divergence();
    });
    const double flops = iteration_flops(config, g_macs, d_macs);
    std::cout << nlohmann::json{{"case", name},
                                {"mode", bf16   ? "wgan-bf16"
                                         : fast ? "wgan"
                                                : "wgan-plain"},
                                {"ms", ms},
                                {"threads", threads},
                                {"gflop", flops / 1e9},
                                {"gflops", flops / ms / 1e6},
                                {"peak_rss_mib", peak_rss_mib()},
                                {"device", device_name},
                                {"torch", TORCH_VERSION}}
                     .dump()
              << std::endl;
  } catch (const std::exception& e) {
    std::cerr << "wgan_step_bench: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

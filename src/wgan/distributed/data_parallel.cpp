#include "wgan/distributed/data_parallel.h"

#include <cstdio>

#include "wgan/core/error.h"

namespace wgan {

void average_gradients(ProcessGroup& group, torch::nn::Module& module) {
  std::vector<torch::Tensor> grads;
  for (const auto& p : module.parameters())
    if (p.grad().defined()) grads.push_back(p.grad());
  if (grads.empty()) return;
  std::vector<torch::Tensor> flat_views;
  for (const auto& g : grads) flat_views.push_back(g.reshape({-1}));
  auto buffer = torch::cat(flat_views);
  group.all_reduce(buffer, ReduceOp::kSum);
  buffer.div_(static_cast<double>(group.world_size()));
  int64_t offset = 0;
  for (auto& g : grads) {
    const int64_t n = g.numel();
    g.copy_(buffer.slice(0, offset, offset + n).view_as(g));
    offset += n;
  }
}

void check_same_parameters(ProcessGroup& group, torch::nn::Module& module, const std::string& name) {
  // Position-weighted so that swapped tensors change it too; float64 on the CPU.
  torch::NoGradGuard no_grad;
  double checksum = 0;
  int64_t k = 0;
  for (const auto& p : module.parameters()) {
    const auto values = p.detach().to(torch::kCPU, torch::kFloat64);
    checksum += static_cast<double>(++k) * values.sum().item<double>() + values.square().sum().item<double>();
  }
  // max(x) and max(-x) = -min(x) in one all-reduce.
  auto extremes = torch::tensor({checksum, -checksum}, torch::kFloat64);
  group.all_reduce(extremes, ReduceOp::kMax);
  const double largest = extremes[0].item<double>(), smallest = -extremes[1].item<double>();
  if (largest != smallest) {
    char text[160];
    std::snprintf(text, sizeof text, "checksums between %.17g and %.17g", smallest, largest);
    throw RunError("rank " + std::to_string(group.rank()) + ": the " + name + " differs between ranks (" + text +
                   "); every rank must run the same configuration, seed and checkpoint");
  }
}

std::vector<bool> average_values_and_any(ProcessGroup& group, std::vector<torch::Tensor*> values,
                                         const std::vector<bool>& flags) {
  std::vector<torch::Tensor> parts;
  for (const auto* v : values)
    if (v->defined()) parts.push_back(v->detach().to(torch::kFloat64).reshape({1}).cpu());
  for (bool flag : flags) parts.push_back(torch::full({1}, flag ? 1.0 : 0.0, torch::kFloat64));
  auto buffer = torch::cat(parts);
  group.all_reduce(buffer, ReduceOp::kSum);
  int64_t i = 0;
  for (auto* v : values)
    if (v->defined()) *v = (buffer[i++] / static_cast<double>(group.world_size())).to(v->device(), v->scalar_type());
  std::vector<bool> any;
  for (size_t k = 0; k < flags.size(); ++k) any.push_back(buffer[i++].item<double>() > 0);
  return any;
}

}  // namespace wgan

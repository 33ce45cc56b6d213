// A program's own torch::nn module as a wgan network (docs/library.md): any module holder
// whose forward takes one tensor and returns one — a generator (noise [n, nz] to samples
// [n, ...]) or a critic (samples to scores [n] or [n, 1]) — trains, checkpoints and resumes as
// the library's own families do. Its parameters are named module.<its own names>.
//
//   struct SpiralCriticImpl : torch::nn::Module { torch::Tensor forward(torch::Tensor x); ... };
//   TORCH_MODULE(SpiralCritic);
//   wgan::Network critic = wgan::as_network(SpiralCritic(64));
#pragma once
#include <utility>

#include "wgan/nets/network.h"

namespace wgan {

template <typename ModuleHolder>
class ModuleNetworkImpl : public NetworkImpl {
 public:
  explicit ModuleNetworkImpl(ModuleHolder module) : module_(register_module("module", std::move(module))) {}
  torch::Tensor forward(const torch::Tensor& input) override { return module_->forward(input); }
  ModuleHolder& module() { return module_; }

 private:
  ModuleHolder module_;
};

// The module, held (not copied) as a Network.
template <typename ModuleHolder>
Network as_network(ModuleHolder module) {
  return std::make_shared<ModuleNetworkImpl<ModuleHolder>>(std::move(module));
}

}  // namespace wgan

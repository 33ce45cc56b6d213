// A network that is one torch::nn::Sequential of standard layers. Every family here is built
// this way, so a single walker can export any of them to TorchScript (torchscript_export.h)
// and a checkpoint's parameter names are simply layers.<index>.<name>.
#pragma once
#include <torch/nn/modules/container/sequential.h>

#include "wgan/nets/network.h"

namespace wgan {

struct SequentialNetworkImpl : NetworkImpl {
  explicit SequentialNetworkImpl(torch::nn::Sequential sequence)
      : layers(register_module("layers", std::move(sequence))) {}
  torch::Tensor forward(const torch::Tensor& input) override { return layers->forward(input); }

  torch::nn::Sequential layers;
};

}  // namespace wgan

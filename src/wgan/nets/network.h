// The common face of every generator and critic: a module with one tensor in and one out.
// The trainer and the objectives only see this, so network families can be added freely.
#pragma once
#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>

namespace wgan {

struct NetworkImpl : torch::nn::Module {
  virtual torch::Tensor forward(const torch::Tensor& input) = 0;
};

using Network = std::shared_ptr<NetworkImpl>;

// Runs a network in evaluation mode without gradients (in batches of `batch_size` rows when it
// is positive), restoring its mode after; the output on the CPU.
torch::Tensor forward_in_eval_mode(NetworkImpl& network, const torch::Tensor& input, c10::Device device,
                                   int64_t batch_size = 0);

struct NetworkPair {
  Network generator;
  Network critic;
  // The exponential moving average of the generator's weights (train/generator_average.h);
  // null when the run keeps none.
  Network averaged_generator;
};

}  // namespace wgan

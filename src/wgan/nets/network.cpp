#include "wgan/nets/network.h"

#include <torch/torch.h>

namespace wgan {

torch::Tensor forward_in_eval_mode(NetworkImpl& network, const torch::Tensor& input, c10::Device device,
                                   int64_t batch_size) {
  torch::NoGradGuard no_grad;
  const bool was_training = network.is_training();
  network.eval();
  const int64_t step = batch_size > 0 ? batch_size : std::max<int64_t>(input.size(0), 1);
  std::vector<torch::Tensor> outputs;
  for (int64_t start = 0; start < input.size(0); start += step)
    outputs.push_back(network.forward(input.slice(0, start, start + step).to(device)).cpu());
  network.train(was_training);
  return outputs.size() == 1 ? outputs[0] : torch::cat(outputs);
}

}  // namespace wgan

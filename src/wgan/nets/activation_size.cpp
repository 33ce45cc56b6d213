#include "wgan/nets/activation_size.h"

#include "wgan/nets/sequential_network.h"

namespace wgan {

int64_t activation_values_per_sample(NetworkImpl& network, const std::vector<int64_t>& sample_shape) {
  std::vector<int64_t> shape = {1};
  shape.insert(shape.end(), sample_shape.begin(), sample_shape.end());
  torch::NoGradGuard no_grad;
  const bool was_training = network.is_training();
  network.eval();
  torch::Tensor x = torch::zeros(shape);
  int64_t values = x.numel();
  if (auto* sequential = dynamic_cast<SequentialNetworkImpl*>(&network)) {
    for (auto& layer : *sequential->layers) {
      x = layer.forward(x);
      values += x.numel();
    }
  } else {
    values += network.forward(x).numel();
  }
  network.train(was_training);
  return values;
}

}  // namespace wgan

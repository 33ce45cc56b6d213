#include "wgan/nets/mlp.h"

#include <numeric>

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/nets/piecewise_linear.h"

namespace wgan {

torch::nn::Sequential mlp_layers(const MLPOptions& options) {
  torch::nn::Sequential seq;
  seq->push_back(torch::nn::Flatten());
  int64_t in = options.in;
  for (int64_t i = 0; i < options.depth; ++i) {
    seq->push_back(torch::nn::Linear(in, options.width));
    switch (options.activation) {
      case Activation::kReLU: seq->push_back(PiecewiseReLU()); break;
      case Activation::kLeakyReLU:
        seq->push_back(PiecewiseLeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
        break;
      case Activation::kELU: seq->push_back(torch::nn::ELU()); break;
    }
    in = options.width;
  }
  const int64_t out =
      std::accumulate(options.output_shape.begin(), options.output_shape.end(), int64_t{1}, std::multiplies<int64_t>());
  seq->push_back(torch::nn::Linear(in, out));
  if (options.tanh_output) seq->push_back(torch::nn::Tanh());
  if (options.output_shape.size() > 1)
    seq->push_back(torch::nn::Unflatten(torch::nn::UnflattenOptions(1, options.output_shape)));
  return seq;
}

}  // namespace wgan

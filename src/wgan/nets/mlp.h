// Multi-layer perceptron: `depth` hidden layers of `width` units, then a linear output. The
// input is flattened; the output is reshaped to `output_shape` (images) and squashed by tanh
// when asked (a critic must not squash its score; a toy generator outputs raw points).
#pragma once
#include <string>
#include <vector>

#include "wgan/core/choice.h"
#include "wgan/nets/sequential_network.h"

namespace wgan {

enum class Activation { kReLU, kLeakyReLU, kELU };
inline constexpr ChoiceName<Activation> kActivationNames[] = {
    {Activation::kReLU, "relu"}, {Activation::kLeakyReLU, "leaky-relu"}, {Activation::kELU, "elu"}};
constexpr const auto& choice_table(Activation) { return kActivationNames; }

struct MLPOptions {
  int64_t in = 2;
  std::vector<int64_t> output_shape = {2};  // {1} for a critic's score
  int64_t width = 512;
  int64_t depth = 3;
  Activation activation = Activation::kReLU;
  bool tanh_output = false;
};

torch::nn::Sequential mlp_layers(const MLPOptions& options);

struct MLPImpl : SequentialNetworkImpl {
  explicit MLPImpl(const MLPOptions& options) : SequentialNetworkImpl(mlp_layers(options)), options(options) {}
  MLPOptions options;
};

}  // namespace wgan

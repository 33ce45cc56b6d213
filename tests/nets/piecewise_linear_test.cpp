// PiecewiseReLU and PiecewiseLeakyReLU: the same values and gradients as torch::nn's, the same
// gradient-penalty gradients, and no backward pass of zeros into the forward pass.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "wgan/nets/fast_layers.h"
#include "wgan/nets/mlp.h"

namespace wgan {
namespace {

struct PenaltyRun {
  torch::Tensor score, input_gradient;
  std::vector<torch::Tensor> parameter_gradients;  // undefined where none reached the parameter
};

// The WGAN-GP penalty's computation on a critic: D(x), its input gradient with a graph, then
// the backward of sum((|grad| - 1)^2) into the parameters.
PenaltyRun penalty(MLPImpl& critic, const torch::Tensor& x) {
  critic.zero_grad(/*set_to_none=*/true);
  auto input = x.clone().requires_grad_(true);
  auto score = critic.forward(input);
  auto grad = torch::autograd::grad({score.sum()}, {input}, {}, /*retain_graph=*/true,
                                    /*create_graph=*/true)[0];
  (grad.norm(2, 1) - 1).pow(2).sum().backward();
  PenaltyRun run{score.detach(), grad.detach(), {}};
  for (const auto& p : critic.parameters()) run.parameter_gradients.push_back(p.grad());
  return run;
}

MLPOptions mlp_options(int64_t in, int64_t out, int64_t width, int64_t depth, Activation activation) {
  MLPOptions o;
  o.in = in;
  o.output_shape = {out};
  o.width = width;
  o.depth = depth;
  o.activation = activation;
  return o;
}

class PiecewiseLinear : public ::testing::TestWithParam<Activation> {};

TEST_P(PiecewiseLinear, SameGradientsAsTorchNnAndNoZerosSentBack) {
  torch::manual_seed(5);
  MLPImpl critic(mlp_options(3, 1, 32, 3, GetParam()));
  const auto x = torch::randn({64, 3});

  const PenaltyRun fast = penalty(critic, x);
  set_fast_layers(critic, false);
  const PenaltyRun plain = penalty(critic, x);

  EXPECT_TRUE(torch::equal(fast.score, plain.score));
  EXPECT_TRUE(torch::equal(fast.input_gradient, plain.input_gradient));
  const auto params = critic.named_parameters();
  for (size_t i = 0; i < params.size(); ++i) {
    const std::string& name = params[i].key();
    if (i + 1 == params.size()) continue;  // the output bias does not touch the input gradient
    const bool hidden_bias = name.find("bias") != std::string::npos;
    ASSERT_TRUE(plain.parameter_gradients[i].defined()) << name;
    if (hidden_bias) {
      // A hidden bias moves only the activations' kinks: its penalty gradient is zero, which
      // torch::nn's activations compute by a backward pass of zeros through the forward pass
      // and the constant mask never sends.
      EXPECT_EQ(plain.parameter_gradients[i].abs().max().item<float>(), 0.0f) << name;
      EXPECT_FALSE(fast.parameter_gradients[i].defined()) << name << ": zeros were sent back";
    } else {
      ASSERT_TRUE(fast.parameter_gradients[i].defined()) << name;
      EXPECT_TRUE(torch::allclose(fast.parameter_gradients[i], plain.parameter_gradients[i], 1e-5, 1e-6))
          << name;
    }
  }
}

TEST_P(PiecewiseLinear, FirstDerivativesBitForBitAndNoGraphWithoutGradients) {
  torch::manual_seed(6);
  MLPImpl net(mlp_options(4, 2, 16, 2, GetParam()));
  const auto x = torch::randn({8, 4});
  auto gradients = [&] {
    net.zero_grad(true);
    net.forward(x).pow(2).sum().backward();
    std::vector<torch::Tensor> g;
    for (const auto& p : net.parameters()) g.push_back(p.grad().clone());
    return g;
  };
  const auto fast = gradients();
  set_fast_layers(net, false);
  const auto plain = gradients();
  for (size_t i = 0; i < fast.size(); ++i) EXPECT_TRUE(torch::equal(fast[i], plain[i])) << i;
  set_fast_layers(net, true);
  torch::NoGradGuard no_grad;
  EXPECT_FALSE(net.forward(x).requires_grad());
}

INSTANTIATE_TEST_SUITE_P(Activations, PiecewiseLinear,
                         ::testing::Values(Activation::kReLU, Activation::kLeakyReLU),
                         [](const auto& info) { return info.param == Activation::kReLU ? "relu" : "leaky_relu"; });

}  // namespace
}  // namespace wgan

// TransposedConv2d computes what torch::nn::ConvTranspose2d computes (forward and every
// gradient), whichever route it takes, and takes the convolution route only where it should.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "wgan/nets/autocast.h"
#include "wgan/nets/fast_layers.h"
#include "wgan/nets/transposed_convolution.h"

namespace wgan {
namespace {

struct Gradients {
  torch::Tensor output, input, weight, bias;
};

// Output and gradients of sum(output * upstream) through the module as configured.
Gradients run(TransposedConv2d& conv, const torch::Tensor& x, const torch::Tensor& upstream) {
  auto input = x.clone().requires_grad_(true);
  conv->zero_grad();
  auto y = conv(input);
  (y * upstream).sum().backward();
  return {y.detach(), input.grad(), conv->weight.grad().clone(),
          conv->bias.defined() ? conv->bias.grad().clone() : torch::Tensor()};
}

void expect_close(const torch::Tensor& a, const torch::Tensor& b, const char* what) {
  ASSERT_EQ(a.sizes(), b.sizes()) << what;
  const double scale = b.abs().max().item<double>();
  EXPECT_LT((a - b).abs().max().item<double>(), 1e-5 * (1 + scale)) << what;
}

TEST(TransposedConvolution, ConvolutionRouteMatchesLibTorchForwardAndGradients) {
  torch::manual_seed(3);
  const std::vector<torch::nn::ConvTranspose2dOptions> layers = {
      torch::nn::ConvTranspose2dOptions(24, 16, 4).stride(2).padding(1),             // dcgan-mnist
      torch::nn::ConvTranspose2dOptions(10, 32, 4).stride(1).padding(0).bias(false),  // dcgan first
      torch::nn::ConvTranspose2dOptions(32, 16, 5).stride(2).padding(2).output_padding(1),  // dense
      torch::nn::ConvTranspose2dOptions(8, 20, 3).stride(3).padding(0).bias(false),
  };
  const std::vector<std::vector<int64_t>> inputs = {{5, 24, 7, 6}, {5, 10, 1, 1}, {3, 32, 4, 4}, {2, 8, 3, 5}};
  for (size_t i = 0; i < layers.size(); ++i) {
    TransposedConv2d conv(layers[i]);
    const auto x = torch::randn(inputs[i]);
    ASSERT_TRUE(conv->takes_convolution_route(x)) << "layer " << i;
    const auto reference_output = conv->ConvTranspose2dImpl::forward(x).detach();
    const auto upstream = torch::randn_like(reference_output);
    const Gradients route = run(conv, x, upstream);
    conv->convolution_route = false;
    ASSERT_FALSE(conv->takes_convolution_route(x));
    const Gradients stock = run(conv, x, upstream);
    SCOPED_TRACE("layer " + std::to_string(i));
    expect_close(route.output, reference_output, "output");
    expect_close(route.output, stock.output, "output");
    expect_close(route.input, stock.input, "input gradient");
    expect_close(route.weight, stock.weight, "weight gradient");
    if (stock.bias.defined()) expect_close(route.bias, stock.bias, "bias gradient");
  }
}

TEST(TransposedConvolution, NoGraphWhenNoGradientIsWanted) {
  TransposedConv2d conv(torch::nn::ConvTranspose2dOptions(8, 16, 4).stride(2).padding(1));
  const auto x = torch::randn({2, 8, 5, 5});
  torch::NoGradGuard no_grad;
  const auto y = conv(x);
  EXPECT_FALSE(y.requires_grad());
  EXPECT_EQ(y.sizes(), (std::vector<int64_t>{2, 16, 10, 10}));
}

TEST(TransposedConvolution, UnderAutocastInBfloat16CloseToFloat32WithFloat32Gradients) {
  torch::manual_seed(4);
  TransposedConv2d conv(torch::nn::ConvTranspose2dOptions(24, 32, 4).stride(2).padding(1));
  const auto x = torch::randn({4, 24, 6, 6});
  conv->convolution_route = false;
  const auto reference = conv(x).detach();
  conv->convolution_route = true;
  torch::Tensor y;
  {
    AutocastScope bf16(torch::Device(torch::kCPU), true);
    ASSERT_TRUE(conv->takes_convolution_route(x));
    y = conv(x);
  }
  EXPECT_EQ(y.scalar_type(), torch::kBFloat16);
  const auto y32 = y.detach().to(torch::kFloat32);
  EXPECT_TRUE(torch::allclose(y32, reference, 3e-2, 3e-2 * reference.abs().max().item<double>()));
  EXPECT_FALSE(torch::equal(y32, reference));
  y.to(torch::kFloat32).sum().backward();
  EXPECT_EQ(conv->weight.grad().scalar_type(), torch::kFloat32);
  EXPECT_EQ(conv->bias.grad().scalar_type(), torch::kFloat32);
  // d sum(y) / d bias = the number of output positions per channel, exactly.
  EXPECT_TRUE(torch::allclose(conv->bias.grad(), torch::full({32}, 4.0 * 12 * 12)));
}

TEST(TransposedConvolution, LibTorchRouteForFewChannelsAndWhenSwitchedOff) {
  const auto x = torch::randn({2, 16, 4, 4});
  TransposedConv2d rgb(torch::nn::ConvTranspose2dOptions(16, 3, 4).stride(2).padding(1));
  EXPECT_FALSE(rgb->takes_convolution_route(x));
  TransposedConv2d wide(torch::nn::ConvTranspose2dOptions(16, 32, 4).stride(2).padding(1));
  EXPECT_TRUE(wide->takes_convolution_route(x));
  EXPECT_FALSE(wide->takes_convolution_route(x.to(torch::kFloat64)));
  torch::nn::Sequential net(wide);
  set_fast_layers(*net, false);
  EXPECT_FALSE(wide->takes_convolution_route(x));
  set_fast_layers(*net, true);
  EXPECT_TRUE(wide->takes_convolution_route(x));
}

}  // namespace
}  // namespace wgan

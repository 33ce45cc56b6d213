// Spectral normalisation against torch::linalg's singular values: after enough power
// iterations the normalised weight's largest singular value is 1, and a critic of such layers
// with 1-Lipschitz activations has input gradients of norm at most 1.
#include "wgan/nets/spectral_norm.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "wgan/nets/mlp.h"
#include "wgan/nets/network_factory.h"

namespace wgan {
namespace {

double largest_singular_value(const torch::Tensor& weight) {
  return torch::linalg_svdvals(weight.detach().reshape({weight.size(0), -1}).to(torch::kFloat64))[0].item<double>();
}

// `steps` forward passes in training mode: one power iteration each.
torch::Tensor iterate(SpectralNormImpl& layer, const torch::Tensor& input, int steps) {
  layer.train();
  torch::NoGradGuard no_grad;
  for (int i = 0; i < steps; ++i) layer.forward(input);
  layer.eval();
  return layer.normalised_weight();
}

TEST(SpectralNorm, LinearWeightHasLargestSingularValueOne) {
  torch::manual_seed(1);
  torch::nn::Linear linear(40, 30);
  {
    torch::NoGradGuard no_grad;
    linear->weight.mul_(3);
  }
  SpectralNorm sn(linear);
  EXPECT_GT(largest_singular_value(linear->weight), 2);  // far from 1 before
  const torch::Tensor w = iterate(*sn, torch::randn({4, 40}), 3000);
  EXPECT_NEAR(largest_singular_value(w), 1.0, 1e-3);
  EXPECT_NEAR(sn->sigma(), largest_singular_value(linear->weight), 1e-3 * largest_singular_value(linear->weight));
  // The layer computes x W_sn^T + b.
  const auto x = torch::randn({5, 40});
  EXPECT_TRUE(torch::allclose(sn->forward(x), torch::addmm(linear->bias, x, w.t()), 1e-5, 1e-6));
}

TEST(SpectralNorm, ConvolutionWeightIsNormalisedAsAnOutByInKernelMatrix) {
  torch::manual_seed(2);
  torch::nn::Conv2d conv(torch::nn::Conv2dOptions(3, 8, 4).stride(2).padding(1));
  SpectralNorm sn(conv);
  const auto x = torch::randn({2, 3, 16, 16});
  const torch::Tensor w = iterate(*sn, x, 3000);
  EXPECT_EQ(w.sizes(), conv->weight.sizes());
  EXPECT_NEAR(largest_singular_value(w), 1.0, 1e-3);
  // The convolution's own options (stride 2, padding 1) with the normalised weight.
  const auto expected = torch::conv2d(x, w, conv->bias, 2, 1);
  EXPECT_TRUE(torch::allclose(sn->forward(x), expected, 1e-5, 1e-6));
}

TEST(SpectralNorm, ACriticOfNormalisedLayersIsOneLipschitz) {
  torch::manual_seed(3);
  MLPOptions o;
  o.in = 2;
  o.output_shape = {1};
  o.width = 64;
  o.depth = 3;
  MLPImpl critic(o);
  {
    torch::NoGradGuard no_grad;
    for (auto& p : critic.parameters()) p.mul_(3);
  }
  const auto input_gradient_norms = [&critic](const torch::Tensor& points) {
    const auto x = points.clone().requires_grad_(true);
    return torch::autograd::grad({critic.forward(x).sum()}, {x})[0].norm(2, 1);
  };
  const auto x = torch::randn({1000, 2}) * 3;
  EXPECT_GT(input_gradient_norms(x).max().item<double>(), 3.0);  // far from 1-Lipschitz before
  apply_spectral_norm(critic);
  critic.train();
  {
    torch::NoGradGuard no_grad;
    for (int i = 0; i < 3000; ++i) critic.forward(torch::randn({8, 2}));
  }
  critic.eval();
  EXPECT_LE(input_gradient_norms(x).max().item<double>(), 1.0 + 1e-3);
}

TEST(SpectralNorm, TheFactoryWrapsEveryCriticWeightAndOnlyThere) {
  for (const std::string arch : {"mlp", "dcgan", "dcgan-mnist", "dcgan-dense"}) {
    NetworkOptions o;
    o.arch = arch;
    o.images = arch != "mlp";
    o.image.channels = 1;
    o.image.image_size = arch == "dcgan-mnist" ? 28 : 32;
    o.image.ngf = o.image.ndf = 8;
    o.image.g_width = o.image.d_width = 16;
    o.image.nz = o.images ? 10 : 2;
    o.spectral_norm_critic = true;
    const NetworkPair pair = make_networks(o);
    int64_t wrapped = 0, weights = 0;
    for (const auto& item : pair.critic->named_parameters()) {
      const std::string& name = item.key();
      if (name.size() > 7 && name.substr(name.size() - 7) == ".weight" && item.value().dim() >= 2) {
        ++weights;
        wrapped += name.find(".layer.weight") != std::string::npos;
      }
    }
    EXPECT_GT(weights, 0) << arch;
    EXPECT_EQ(wrapped, weights) << arch << ": every linear and convolution weight";
    EXPECT_GT(pair.critic->named_buffers().size(), 0u);
    for (const auto& item : pair.generator->named_parameters())
      EXPECT_EQ(item.key().find(".layer."), std::string::npos) << arch << " generator: " << item.key();
  }
}

}  // namespace
}  // namespace wgan

#include "wgan/nets/image_networks.h"

#include "wgan/core/error.h"
#include "wgan/nets/mlp.h"
#include "wgan/nets/piecewise_linear.h"
#include "wgan/nets/sequential_network.h"
#include "wgan/nets/transposed_convolution.h"

namespace wgan {
namespace {

using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;
using torch::nn::ConvTranspose2dOptions;
using torch::nn::Sequential;

PiecewiseLeakyReLU leaky_relu() { return PiecewiseLeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)); }

Network sequential(Sequential layers) { return std::make_shared<SequentialNetworkImpl>(std::move(layers)); }

// --- dcgan: the WGAN authors' DCGAN_G / DCGAN_D, built in a loop for any size 16 * 2^k ---

Network dcgan_generator(const ImageNetOptions& o) {
  int64_t width = o.ngf / 2, size = 4;
  while (size != o.image_size) width *= 2, size *= 2;
  Sequential g;
  g->push_back(torch::nn::Unflatten(torch::nn::UnflattenOptions(1, {o.nz, 1, 1})));
  g->push_back(TransposedConv2d(ConvTranspose2dOptions(o.nz, width, 4).stride(1).padding(0).bias(false)));
  append_norm(g, o.norm_g, width, 4);
  g->push_back(PiecewiseReLU());
  for (size = 4; size < o.image_size / 2; size *= 2, width /= 2) {
    g->push_back(TransposedConv2d(ConvTranspose2dOptions(width, width / 2, 4).stride(2).padding(1).bias(false)));
    append_norm(g, o.norm_g, width / 2, size * 2);
    g->push_back(PiecewiseReLU());
  }
  for (int64_t k = 0; k < o.extra_layers; ++k) {
    g->push_back(Conv2d(Conv2dOptions(width, width, 3).stride(1).padding(1).bias(false)));
    append_norm(g, o.norm_g, width, size);
    g->push_back(PiecewiseReLU());
  }
  g->push_back(TransposedConv2d(ConvTranspose2dOptions(width, o.channels, 4).stride(2).padding(1).bias(false)));
  g->push_back(torch::nn::Tanh());
  return sequential(g);
}

Network dcgan_critic(const ImageNetOptions& o) {
  Sequential d;
  d->push_back(Conv2d(Conv2dOptions(o.channels, o.ndf, 4).stride(2).padding(1).bias(false)));
  d->push_back(leaky_relu());
  int64_t size = o.image_size / 2, width = o.ndf;
  for (int64_t k = 0; k < o.extra_layers; ++k) {
    d->push_back(Conv2d(Conv2dOptions(width, width, 3).stride(1).padding(1).bias(false)));
    append_norm(d, o.norm_d, width, size);
    d->push_back(leaky_relu());
  }
  for (; size > 4; size /= 2, width *= 2) {
    d->push_back(Conv2d(Conv2dOptions(width, width * 2, 4).stride(2).padding(1).bias(false)));
    append_norm(d, o.norm_d, width * 2, size / 2);
    d->push_back(leaky_relu());
  }
  d->push_back(Conv2d(Conv2dOptions(width, 1, 4).stride(1).padding(0).bias(false)));
  d->push_back(torch::nn::Flatten());
  return sequential(d);
}

// --- dcgan-mnist: seed 004's networks; 2 * ngf and ndf channels (128 and 64 by default) ---

Network dcgan_mnist_generator(const ImageNetOptions& o) {
  const int64_t width = 2 * o.ngf, base = o.image_size / 4;
  Sequential g;
  g->push_back(torch::nn::Linear(o.nz, width * base * base));
  g->push_back(leaky_relu());
  g->push_back(torch::nn::Unflatten(torch::nn::UnflattenOptions(1, {width, base, base})));
  for (int64_t size = base * 2; size <= o.image_size; size *= 2) {
    g->push_back(TransposedConv2d(ConvTranspose2dOptions(width, width, 4).stride(2).padding(1)));
    append_norm(g, o.norm_g, width, size);
    g->push_back(leaky_relu());
  }
  g->push_back(Conv2d(Conv2dOptions(width, o.channels, 3).stride(1).padding(1)));
  g->push_back(torch::nn::Tanh());
  return sequential(g);
}

Network dcgan_mnist_critic(const ImageNetOptions& o) {
  const int64_t base = o.image_size / 4;
  Sequential d;
  d->push_back(Conv2d(Conv2dOptions(o.channels, o.ndf, 4).stride(2).padding(1)));
  d->push_back(leaky_relu());
  d->push_back(Conv2d(Conv2dOptions(o.ndf, o.ndf, 4).stride(2).padding(1)));
  append_norm(d, o.norm_d, o.ndf, base);
  d->push_back(leaky_relu());
  d->push_back(torch::nn::Flatten());
  d->push_back(torch::nn::Linear(o.ndf * base * base, 1));
  return sequential(d);
}

// --- dcgan-dense: seed 003's networks; 5x5 stride-2 'same' convolutions ---

Network dcgan_dense_generator(const ImageNetOptions& o) {
  int64_t stages = 0;
  for (int64_t s = 4; s < o.image_size; s *= 2) ++stages;
  int64_t width = o.ngf << (stages - 1);  // 512 for 64x64 and ngf 64
  const bool bias = o.norm_g == Norm::kNone;
  Sequential g;
  g->push_back(torch::nn::Linear(torch::nn::LinearOptions(o.nz, width * 16).bias(bias)));
  g->push_back(torch::nn::Unflatten(torch::nn::UnflattenOptions(1, {width, 4, 4})));
  append_norm(g, o.norm_g, width, 4);
  g->push_back(PiecewiseReLU());
  int64_t size = 4;
  for (int64_t k = 1; k < stages; ++k, width /= 2, size *= 2) {
    // TensorFlow's 'same' padding for a 5x5 stride-2 transposed convolution.
    g->push_back(TransposedConv2d(
        ConvTranspose2dOptions(width, width / 2, 5).stride(2).padding(2).output_padding(1).bias(bias)));
    append_norm(g, o.norm_g, width / 2, size * 2);
    g->push_back(PiecewiseReLU());
  }
  g->push_back(TransposedConv2d(ConvTranspose2dOptions(width, o.channels, 5).stride(2).padding(2).output_padding(1)));
  g->push_back(torch::nn::Tanh());
  return sequential(g);
}

Network dcgan_dense_critic(const ImageNetOptions& o) {
  Sequential d;
  int64_t width = o.channels, size = o.image_size;
  for (int64_t out = o.ndf; size > 4; out *= 2, size /= 2) {
    const bool first = width == o.channels;
    d->push_back(Conv2d(Conv2dOptions(width, out, 5).stride(2).padding(2)));
    if (!first) append_norm(d, o.norm_d, out, size / 2);
    d->push_back(leaky_relu());
    width = out;
  }
  d->push_back(torch::nn::Flatten());
  d->push_back(torch::nn::Linear(width * 16, 1));
  return sequential(d);
}

}  // namespace

// --- mlp: the WGAN paper's MLP_G / MLP_D on flattened images ---

NetworkPair mlp_image_networks(const ImageNetOptions& o) {
  MLPOptions g;
  g.in = o.nz;
  g.output_shape = {o.channels, o.image_size, o.image_size};
  g.width = o.g_width;
  g.depth = o.g_depth;
  g.tanh_output = true;
  MLPOptions d;
  d.in = o.channels * o.image_size * o.image_size;
  d.output_shape = {1};
  d.width = o.d_width;
  d.depth = o.d_depth;
  return {std::make_shared<MLPImpl>(g), std::make_shared<MLPImpl>(d), nullptr};
}

NetworkPair dcgan_networks(const ImageNetOptions& o) {
  NetworkPair pair{dcgan_generator(o), dcgan_critic(o), nullptr};
  initialize_dcgan_weights(*pair.generator);
  initialize_dcgan_weights(*pair.critic);
  return pair;
}

NetworkPair dcgan_mnist_networks(const ImageNetOptions& o) {
  // Seed 004 initialises only its generator N(0, 0.02); its critic keeps PyTorch's default
  // (Kaiming-uniform) weights. With N(0, 0.02) weights too, its critic starts nearly constant
  // and the generator is pushed into tanh's saturation (all-black digits) within 20 steps.
  NetworkPair pair{dcgan_mnist_generator(o), dcgan_mnist_critic(o), nullptr};
  initialize_dcgan_weights(*pair.generator);
  return pair;
}

NetworkPair dcgan_dense_networks(const ImageNetOptions& o) {
  NetworkPair pair{dcgan_dense_generator(o), dcgan_dense_critic(o), nullptr};
  initialize_dcgan_weights(*pair.generator);
  initialize_dcgan_weights(*pair.critic);
  return pair;
}

void initialize_dcgan_weights(torch::nn::Module& root) {
  torch::NoGradGuard no_grad;
  for (const auto& module : root.modules()) {
    const bool norm = is_normalization(*module);
    for (auto& item : module->named_parameters(/*recurse=*/false)) {
      const std::string& name = item.key();
      torch::Tensor& p = item.value();
      if (name == "bias")
        p.zero_();
      else if (name == "weight")
        norm ? p.normal_(1.0, 0.02) : p.normal_(0.0, 0.02);
    }
  }
}

}  // namespace wgan

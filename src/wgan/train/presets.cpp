#include "wgan/train/presets.h"

#include "wgan/core/error.h"

namespace wgan {
namespace {

// Adam with these settings for both networks.
void use_adam(TrainConfig& c, double lr, double beta1, double beta2) {
  for (OptimizerConfig* o : {&c.optimizer_d, &c.optimizer_g}) {
    o->name = "adam";
    o->lr = lr;
    o->beta1 = beta1;
    o->beta2 = beta2;
  }
}

// WGAN-GP on the 25-Gaussian grid, tuned by measurement to cover all 25 modes within a few
// minutes on two cores (docs/training.md records the measurements behind every number).
void apply_demo(TrainConfig& c) {
  c.dataset = "gaussians25";
  c.loss = "wgan-gp";
  apply_loss_defaults(c);
  c.iters = 3000;
  c.batch_size = 256;
  c.lr_schedule = "linear";
  c.gp_lambda = 1.0;
  c.optimizer_d.lr = 1e-3;
  c.optimizer_g.lr = 1e-3;
  c.nz = 2;
  c.g_width = c.d_width = 256;
  c.g_depth = c.d_depth = 3;
}

// Seed 001: Keras WGAN on the 5x5 grid with 4,000 points per Gaussian; the setting it reports
// as working: 4-D uniform noise, ELU networks, batch 512, Adam 1e-4 (beta1 0.5) with
// inverse-time decay 1e-5, n_critic 1, clip 0.1. Its critic's sign convention is flipped
// (labels +1 real, -1 fake); we keep the usual sign, which trains the same.
void apply_seed001_grid(TrainConfig& c) {
  c.dataset = "gaussians25";
  c.loss = "wgan";
  apply_loss_defaults(c);
  c.toy_points = 25 * 4000;
  c.noise = "uniform";
  c.nz = 4;
  c.activation = "elu";
  c.batch_size = 512;
  use_adam(c, 1e-4, 0.5, 0.999);
  c.lr_schedule = "inverse-time";
  c.lr_decay = 1e-5;
  c.n_critic = 1;
  c.clip = 0.1;
  c.iters = 20000;
}

// Seed 000: the WGAN paper's DCGAN WGAN on CIFAR-10 resized to 64x64. 20 epochs of 50,000
// images in batches of 128 are 7,820 generator iterations.
void apply_seed000_wgan(TrainConfig& c) {
  c.dataset = "cifar10";
  c.image_size = 64;
  c.channels = 3;
  c.loss = "wgan";
  apply_loss_defaults(c);  // RMSProp 5e-5 for both, n_critic 5
  c.clip = 0.01;
  c.arch = "dcgan";
  c.nz = 100;
  c.ngf = c.ndf = 64;
  c.norm_g = c.norm_d = "batch";
  c.batch_size = 128;
  c.seed = 999;
  c.iters = 7820;
  c.sample_every = 500;
}

// Seed 000's baseline: the same networks as a standard DCGAN (BCE, Adam 2e-4, beta1 0.5).
void apply_seed000_dcgan(TrainConfig& c) {
  apply_seed000_wgan(c);
  c.loss = "gan";
  apply_loss_defaults(c);
}

// Seed 002: WGAN with an instance-normalised critic. Its generator's widths are 16d..2d for
// d = 64, i.e. the dcgan family with ngf 128. The notes leave the data "as DCGAN"; the code they
// follow trains on MNIST at 64x64 in batches of 64 for 5 epochs (4,690 iterations).
void apply_seed002(TrainConfig& c) {
  c.dataset = "mnist";
  c.image_size = 64;
  c.channels = 1;
  c.loss = "wgan";
  apply_loss_defaults(c);
  c.clip = 0.01;
  c.arch = "dcgan";
  c.nz = 100;
  c.ngf = 128;
  c.ndf = 64;
  c.norm_g = "batch";
  c.norm_d = "instance";
  c.batch_size = 64;
  c.iters = 4690;
}

// Seed 003: WGAN-GP on a face folder (CelebA) at 64x64, TensorFlow DCGAN-style networks.
void apply_seed003(TrainConfig& c) {
  c.dataset = "folder";
  c.image_size = 64;
  c.channels = 3;
  c.loss = "wgan-gp";
  apply_loss_defaults(c);
  c.gp_lambda = 10;
  use_adam(c, 2e-4, 0.5, 0.999);
  c.n_critic = 3;
  c.arch = "dcgan-dense";
  c.nz = 100;
  c.noise = "uniform";
  c.ngf = c.ndf = 64;
  c.norm_g = "batch";
  c.norm_d = "none";
  c.batch_size = 100;
  c.iters = 60000;
}

// Seed 004: WGAN-GP on MNIST with small convolutional networks. 100 epochs of 60,000 digits in
// batches of 64, the generator stepped every 5th batch: 18,760 generator iterations.
void apply_seed004(TrainConfig& c) {
  c.dataset = "mnist";
  c.image_size = 28;
  c.channels = 1;
  c.loss = "wgan-gp";
  apply_loss_defaults(c);
  c.gp_lambda = 10;
  use_adam(c, 5e-4, 0.9, 0.999);  // PyTorch's default betas
  c.n_critic = 5;
  c.arch = "dcgan-mnist";
  c.nz = 128;
  c.ngf = c.ndf = 64;  // 128 generator and 64 critic channels
  c.norm_g = c.norm_d = "none";
  c.batch_size = 64;
  c.iters = 18760;
  c.sample_every = 250;
}

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> kPresets = {
      {"demo", "this project (measured; docs/training.md)",
       "WGAN-GP on gaussians25, MLP 3x256, nz 2, lambda 1, Adam 1e-3 (0.5, 0.9) decaying linearly "
       "to 0, n_critic 5, batch 256, 3,000 iterations",
       "", apply_demo},
      {"seed001-grid", "seed 001 (Keras WGAN on a 5x5 Gaussian grid)",
       "WGAN on gaussians25 with 100,000 fixed points, 4-D uniform noise, ELU, batch 512, Adam "
       "1e-4 inverse-time decay 1e-5, n_critic 1, clip 0.1",
       "the critic's sign is the usual one (the seed's labels flip it, which trains the same); "
       "its ELU MLPs are not shown, so ours are 3x512",
       apply_seed001_grid},
      {"seed000-cifar10-wgan", "seed 000 (PyTorch WGAN notebook, Japanese)",
       "WGAN on CIFAR-10 at 64x64 (--data DIR), dcgan networks nz 100, ngf = ndf = 64, batch "
       "norm in both, batch 128, RMSProp 5e-5, clip 0.01, n_critic 5, seed 999, 7,820 "
       "iterations (20 epochs)",
       "each critic step draws a fresh real batch (the seed reuses one batch for all five); the "
       "clip comes after the critic step (Algorithm 1)",
       apply_seed000_wgan},
      {"seed000-cifar10-dcgan", "seed 000 (its DCGAN baseline)",
       "standard GAN (BCE on logits, non-saturating G) with the networks of seed000-cifar10-wgan; "
       "Adam 2e-4 (0.5, 0.999), one D step per G step, batch 128, seed 999, 7,820 iterations",
       "the sigmoid lives in the loss (BCE with logits), which is the same function, more stable",
       apply_seed000_dcgan},
      {"seed002-mnist-wgan-in", "seed 002 (Korean WGAN notes)",
       "WGAN with an instance-normalised critic (affine) and a batch-norm generator, dcgan "
       "networks (generator 1024..128 channels: ngf 128, ndf 64), MNIST at 64x64 (--data DIR), "
       "batch 64, RMSProp 5e-5, clip 0.01, n_critic 5, 4,690 iterations (5 epochs)",
       "the notes leave the data and batch 'as DCGAN': MNIST at 64x64 and batch 64 are assumed; "
       "no biases in any layer (the seed keeps them in its first and last layers)",
       apply_seed002},
      {"seed003-faces-gp", "seed 003 (Chinese TensorFlow notebook, CelebA)",
       "WGAN-GP on a face folder at 64x64 (--data DIR), dcgan-dense networks (dense to 4x4x512, "
       "5x5 stride-2 convolutions, batch norm in G only), batch 100, nz 100 uniform in [-1, 1], "
       "n_critic 3, lambda 10, Adam 2e-4 (0.5, 0.999), 60,000 iterations",
       "the penalty's gradient norm is over all pixels of each sample (the seed's is over one "
       "axis only, a bug)",
       apply_seed003},
      {"seed004-mnist-gp", "seed 004 (Chinese WGAN-GP notes, PyTorch, MNIST)",
       "WGAN-GP on MNIST 28x28 (--data DIR), dcgan-mnist networks (G: linear to 128x7x7, two "
       "transposed convolutions, 3x3 convolution, tanh; critic: two convolutions and a linear "
       "layer), nz 128, batch 64, Adam 5e-4 (0.9, 0.999), lambda 10, n_critic 5, 18,760 "
       "iterations (100 epochs)",
       "one critic update per step on the full loss (the seed makes three: fake, real, penalty); "
       "real images are scaled to [-1, 1] before they are interpolated with fakes (the seed mixes "
       "[0, 1] reals with [-1, 1] fakes)",
       apply_seed004},
  };
  return kPresets;
}

void apply_preset(const std::string& name, TrainConfig& config) {
  std::vector<std::string> names;
  for (const auto& p : presets()) {
    if (p.name == name) {
      p.apply(config);
      config.preset = name;
      return;
    }
    names.push_back(p.name);
  }
  throw UsageError("--preset: unknown preset '" + name + "'; expected one of " + join(names));
}

}  // namespace wgan

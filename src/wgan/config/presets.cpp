#include "wgan/config/presets.h"

#include "wgan/config/option_table.h"
#include "wgan/core/error.h"

namespace wgan {
namespace {

// Sets the options one flag names (a shared flag sets both networks'), as the command line does.
void apply_flag(TrainConfig& config, const std::string& flag, const std::string& text) {
  const std::vector<std::string> keys = keys_of_flag(flag);
  if (keys.empty()) throw std::logic_error("preset flag " + flag + " is not in the option table");
  for (const std::string& key : keys) option_spec(key).set(config, option_spec(key).read(text));
  if (flag == flag_of("loss")) apply_loss_defaults(config);
}

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> kPresets = {
      {"demo",
       "WGAN-GP on the 25-Gaussian grid, tuned to cover every mode in minutes",
       "this project (measured; docs/training.md)",
       "",
       "",
       {{"--dataset", "gaussians25"},
        {"--loss", "wgan-gp"},
        {"--iters", "6000"},
        {"--n-critic", "2"},
        {"--batch-size", "256"},
        {"--lr-schedule", "constant"},
        {"--gp-lambda", "1"},
        {"--lr", "1e-3"},
        {"--g-ema", ""},
        {"--nz", "2"},
        {"--g-width", "256"},
        {"--d-width", "256"},
        {"--g-depth", "3"},
        {"--d-depth", "3"}}},
      {"mnist-dcgan",
       "the standard GAN with DCGAN networks on MNIST at 32x32 and R1 on a discriminator without "
       "batch norm: the best digits in half an hour here (with --precision bf16)",
       "this project (measured; docs/training.md)",
       "",
       "",
       {{"--dataset", "mnist"},
        {"--image-size", "32"},
        {"--channels", "1"},
        {"--loss", "gan"},
        {"--constraint", "r1"},
        {"--r1-gamma", "10"},
        {"--r1-every", "4"},
        {"--arch", "dcgan"},
        {"--norm-g", "batch"},
        {"--norm-d", "none"},
        {"--nz", "100"},
        {"--ngf", "64"},
        {"--ndf", "64"},
        {"--batch-size", "64"},
        {"--g-ema", ""},
        {"--iters", "11000"},
        {"--sample-every", "500"}}},
      {"seed001-grid",
       "seed 001's working setting: Keras WGAN on the 5x5 grid, 4,000 points per Gaussian",
       "seed 001 (Keras WGAN on a 5x5 Gaussian grid)",
       "the critic's sign is the usual one (the seed's labels flip it, which trains the same); "
       "its ELU MLPs are not shown, so ours are 3x512",
       "",
       {{"--dataset", "gaussians25"},
        {"--loss", "wgan"},
        {"--toy-points", "100000"},
        {"--noise", "uniform"},
        {"--nz", "4"},
        {"--activation", "elu"},
        {"--batch-size", "512"},
        {"--optimizer", "adam"},
        {"--lr", "1e-4"},
        {"--beta1", "0.5"},
        {"--beta2", "0.999"},
        {"--lr-schedule", "inverse-time"},
        {"--lr-decay", "1e-5"},
        {"--n-critic", "1"},
        {"--clip", "0.1"},
        {"--iters", "20000"}}},
      {"seed000-cifar10-wgan",
       "the WGAN paper's DCGAN WGAN on CIFAR-10 at 64x64 (20 epochs of batches of 128)",
       "seed 000 (PyTorch WGAN notebook, Japanese)",
       "each critic step draws a fresh real batch (the seed reuses one batch for all five); the "
       "clip comes after the critic step (Algorithm 1)",
       "",
       {{"--dataset", "cifar10"},
        {"--image-size", "64"},
        {"--channels", "3"},
        {"--loss", "wgan"},
        {"--clip", "0.01"},
        {"--arch", "dcgan"},
        {"--nz", "100"},
        {"--ngf", "64"},
        {"--ndf", "64"},
        {"--norm", "batch"},
        {"--batch-size", "128"},
        {"--seed", "999"},
        {"--iters", "7820"},
        {"--sample-every", "500"}}},
      {"seed000-cifar10-dcgan",
       "seed 000's DCGAN baseline: the standard GAN with the same networks",
       "seed 000 (its DCGAN baseline)",
       "the sigmoid lives in the loss (BCE with logits), which is the same function, more stable",
       "seed000-cifar10-wgan",
       {{"--loss", "gan"}}},
      {"seed002-mnist-wgan-in",
       "WGAN with an instance-normalised critic on MNIST at 64x64 (5 epochs)",
       "seed 002 (Korean WGAN notes)",
       "the notes leave the data and batch 'as DCGAN': MNIST at 64x64 and batch 64 are assumed; "
       "no biases in any layer (the seed keeps them in its first and last layers)",
       "",
       {{"--dataset", "mnist"},
        {"--image-size", "64"},
        {"--channels", "1"},
        {"--loss", "wgan"},
        {"--clip", "0.01"},
        {"--arch", "dcgan"},
        {"--nz", "100"},
        {"--ngf", "128"},
        {"--ndf", "64"},
        {"--norm-g", "batch"},
        {"--norm-d", "instance"},
        {"--batch-size", "64"},
        {"--iters", "4690"}}},
      {"seed003-faces-gp",
       "WGAN-GP on a face folder (CelebA) at 64x64 with TensorFlow DCGAN-style networks",
       "seed 003 (Chinese TensorFlow notebook, CelebA)",
       "the penalty's gradient norm is over all pixels of each sample (the seed's is over one "
       "axis only, a bug)",
       "",
       {{"--dataset", "folder"},
        {"--image-size", "64"},
        {"--channels", "3"},
        {"--loss", "wgan-gp"},
        {"--gp-lambda", "10"},
        {"--optimizer", "adam"},
        {"--lr", "2e-4"},
        {"--beta1", "0.5"},
        {"--beta2", "0.999"},
        {"--n-critic", "3"},
        {"--arch", "dcgan-dense"},
        {"--nz", "100"},
        {"--noise", "uniform"},
        {"--ngf", "64"},
        {"--ndf", "64"},
        {"--norm-g", "batch"},
        {"--norm-d", "none"},
        {"--batch-size", "100"},
        {"--iters", "60000"}}},
      {"seed004-mnist-gp",
       "WGAN-GP on MNIST 28x28 with small convolutional networks (100 epochs)",
       "seed 004 (Chinese WGAN-GP notes, PyTorch, MNIST)",
       "one critic update per step on the full loss (the seed makes three: fake, real, penalty); "
       "real images are scaled to [-1, 1] before they are interpolated with fakes (the seed mixes "
       "[0, 1] reals with [-1, 1] fakes)",
       "",
       {{"--dataset", "mnist"},
        {"--image-size", "28"},
        {"--channels", "1"},
        {"--loss", "wgan-gp"},
        {"--gp-lambda", "10"},
        {"--optimizer", "adam"},
        {"--lr", "5e-4"},
        {"--beta1", "0.9"},
        {"--beta2", "0.999"},
        {"--n-critic", "5"},
        {"--arch", "dcgan-mnist"},
        {"--nz", "128"},
        {"--ngf", "64"},
        {"--ndf", "64"},
        {"--norm", "none"},
        {"--batch-size", "64"},
        {"--iters", "18760"},
        {"--sample-every", "250"}}},
  };
  return kPresets;
}

const Preset& find_preset(const std::string& name) {
  for (const auto& p : presets())
    if (p.name == name) return p;
  throw UsageError("--preset: unknown preset '" + name + "'; expected one of " + join(names_of(presets())));
}

void apply_preset(const std::string& name, TrainConfig& config) {
  const Preset& preset = find_preset(name);
  if (!preset.base.empty()) apply_preset(preset.base, config);
  for (const auto& [flag, value] : preset.settings) apply_flag(config, flag, value);
  config.preset = name;
}

std::string preset_flags(const Preset& preset) {
  std::string line = preset.base.empty() ? "" : "--preset " + preset.base;
  for (const auto& [flag, value] : preset.settings)
    line += (line.empty() ? "" : " ") + flag + (value.empty() ? "" : " " + value);  // a switch takes none
  return line;
}

std::string presets_markdown() {
  std::string md = "| preset | what | flags | source | deviations |\n| --- | --- | --- | --- | --- |\n";
  for (const auto& p : presets())
    md += "| `" + p.name + "` | " + p.title + " | `" + preset_flags(p) + "` | " + p.source + " | " +
          (p.deviations.empty() ? "none" : p.deviations) + " |\n";
  return md;
}

}  // namespace wgan

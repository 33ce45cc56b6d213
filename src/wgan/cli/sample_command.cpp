// wgan sample: outputs of a trained generator, as a PNG grid (images), CSV points or a tensor
// file.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/cli/validators.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/memory.h"
#include "wgan/core/random.h"
#include "wgan/eval/latent_walk.h"
#include "wgan/run/runtime.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/networks.h"
#include "wgan/train/trainer.h"
#include "wgan/viz/image_grid.h"
#include "wgan/viz/png.h"

namespace wgan::cli {
namespace {

// Normalisation layers while sampling: as in evaluation (running statistics) or as in training.
enum class BatchNormMode { kEval, kTrain };
constexpr ChoiceName<BatchNormMode> kBatchNormModeNames[] = {{BatchNormMode::kEval, "eval"},
                                                             {BatchNormMode::kTrain, "train"}};
constexpr const auto& choice_table(BatchNormMode) { return kBatchNormModeNames; }

struct SampleOptions {
  ModelChoice model;
  std::string out;
  BatchNormMode bn_mode = BatchNormMode::kEval;
  GridScaling grid_normalize = GridScaling::kRange;
  GeneratorChoice generator = GeneratorChoice::kAuto;
  int64_t n = 1000;
  int64_t interpolate = 0;  // steps per segment of a latent walk; 0: independent samples
  int64_t per_row = 0;      // images per PNG grid row; 0: 8, or one walk segment per row
  uint64_t seed = 0;
  double truncation = 0;  // the truncation trick's threshold; 0: none
  int64_t threads = 0;
};

std::string points_csv(const torch::Tensor& points) {
  auto p = points.to(torch::kFloat64).flatten(1).contiguous();
  if (p.size(1) != 2)
    throw UsageError("--out: CSV holds 2-D points, but this generator makes " + std::to_string(p.size(1)) +
                     " values per sample; expected a .pt file");
  std::ostringstream csv;
  csv.precision(9);
  csv << "x,y\n";
  auto a = p.accessor<double, 2>();
  for (int64_t i = 0; i < a.size(0); ++i) csv << a[i][0] << ',' << a[i][1] << '\n';
  return csv.str();
}

int run_sample(const SampleOptions& o) {
  if (o.n <= 0) throw UsageError("--n: expected a positive integer, got " + std::to_string(o.n));
  if (o.interpolate < 0)
    throw UsageError("--interpolate: expected an integer >= 0, got " + std::to_string(o.interpolate));
  const std::string ext = std::filesystem::path(o.out).extension().string();
  if (ext != ".csv" && ext != ".pt" && ext != ".png")
    throw UsageError("--out " + o.out + ": unsupported file type '" + ext +
                     "'; expected .png (a grid of images), .csv (2-D points) or .pt (a tensor for "
                     "torch.load)");
  configure_threads(o.threads);
  if (o.interpolate > 0 && o.n < 2)
    throw UsageError("--interpolate " + std::to_string(o.interpolate) + " with --n " + std::to_string(o.n) +
                     ": a walk runs between waypoints; expected --n 2 or more");
  CheckpointState model = load_checkpoint(o.model.path());
  // The samples and the generator's activations for all of them at once, checked first.
  const double count = o.interpolate > 0 ? static_cast<double>(o.n - 1) * static_cast<double>(o.interpolate) + 1
                                         : static_cast<double>(o.n);
  double values = 1;  // of one sample
  for (int64_t extent : sample_shape(model.config)) values *= static_cast<double>(extent);
  const double per_sample = static_cast<double>(model.config.nz) + 8.0 * values;  // activations: a few outputs' worth
  require_memory(count * per_sample * 4.0,
                 "--n " + std::to_string(o.n) +
                     (o.interpolate > 0 ? " --interpolate " + std::to_string(o.interpolate) : std::string()) + " (" +
                     std::to_string(static_cast<long long>(count)) + " samples)");

  auto generator = make_generator(o.seed, Stream::kFixedNoise);
  torch::Tensor noise = o.truncation > 0 ? truncated_noise(model.config, o.n, o.truncation, generator)
                                         : sample_noise(model.config, o.n, generator);
  // A walk visits the n noise vectors in order, `interpolate` steps between neighbours.
  if (o.interpolate > 0) noise = latent_walk(noise, o.interpolate, model.config.noise == Noise::kNormal);
  torch::Tensor samples;
  {
    torch::NoGradGuard no_grad;
    NetworkImpl& chosen = sampling_generator(model.networks, o.generator);
    chosen.train(o.bn_mode == BatchNormMode::kTrain);
    samples = chosen.forward(noise);
  }
  try {
    if (ext == ".png") {
      if (samples.dim() != 4)
        throw UsageError("--out " + o.out +
                         ": a PNG grid needs an image generator, this one makes "
                         "2-D points; expected .csv or .pt");
      // Unless asked otherwise, a latent walk shows one segment per row.
      const int64_t per_row = o.per_row > 0 ? o.per_row : o.interpolate > 0 ? o.interpolate : 8;
      write_png(o.out, make_image_grid(samples, per_row, 2, o.grid_normalize));
    } else if (ext == ".csv") {
      write_text_atomically(o.out, points_csv(samples));
    } else {
      const std::vector<char> bytes = torch::pickle_save(samples.contiguous());
      write_text_atomically(o.out, std::string(bytes.begin(), bytes.end()));
    }
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    throw UsageError("--out " + o.out + ": cannot write (" + e.what() + ")");
  }
  std::cout << "wrote " << samples.size(0) << " samples to " << o.out << "\n";
  return 0;
}

}  // namespace

Action add_sample_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("sample", "generate samples from a trained run");
  auto o = std::make_shared<SampleOptions>();
  add_model_options(sub, o->model);
  add_generator_option(sub, o->generator);
  sub->add_option("--n", o->n, "number of samples (with --interpolate: of waypoints)");
  sub->add_option("--seed", o->seed, "noise seed")->check(non_negative_integer());
  sub->add_option("--truncation", o->truncation,
                  "truncation trick: noise from its distribution restricted to [-T, T] (BigGAN); better "
                  "single samples, less variety (0: none)")
      ->check(non_negative_number());
  sub->add_option("--interpolate", o->interpolate,
                  "walk the latent space: this many steps between consecutive noise vectors "
                  "(spherical for normal noise)");
  add_choice_option(sub, "--bn-mode", o->bn_mode, "normalisation layers in eval or train mode");
  add_choice_option(sub, "--grid-normalize", o->grid_normalize,
                    "PNG pixels: range ((x+1)/2), batch or each (min-max scaling)");
  sub->add_option("--per-row", o->per_row,
                  "PNG grid: images per row (0: 8, or one walk segment per row with --interpolate)")
      ->check(non_negative_integer());
  sub->add_option("--out", o->out,
                  "output: .png (image grid, --per-row images per row), .csv (2-D points, header x,y) or .pt (tensor)")
      ->required();
  add_threads_option(sub, o->threads);
  return [o] { return run_sample(*o); };
}

}  // namespace wgan::cli

// wgan sample: points from a trained generator, written as CSV.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "wgan/cli/commands.h"
#include "wgan/cli/validators.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/train/model_file.h"
#include "wgan/train/runtime.h"
#include "wgan/train/trainer.h"

namespace wgan::cli {
namespace {

struct SampleOptions {
  std::string run, checkpoint, out;
  int64_t n = 1000;
  uint64_t seed = 0;
  int64_t threads = 0;
};

int run_sample(const SampleOptions& o) {
  if (o.n <= 0) throw UsageError("--n: expected a positive integer, got " + std::to_string(o.n));
  const std::string ext = std::filesystem::path(o.out).extension().string();
  if (ext != ".csv")
    throw UsageError("--out " + o.out + ": unsupported file type '" + ext +
                     "'; expected .csv (2-D points)");
  configure_threads(o.threads);
  LoadedModel model = load_model(o.checkpoint.empty() ? final_model_path(o.run) : o.checkpoint);
  auto generator = make_generator(o.seed, Stream::kFixedNoise);
  torch::Tensor points;
  {
    torch::NoGradGuard no_grad;
    model.networks.generator->eval();
    points = model.networks.generator->forward(sample_noise(model.config, o.n, generator));
  }
  points = points.to(torch::kFloat64).contiguous();
  std::ostringstream csv;
  csv.precision(9);
  csv << "x,y\n";
  auto a = points.accessor<double, 2>();
  for (int64_t i = 0; i < a.size(0); ++i) csv << a[i][0] << ',' << a[i][1] << '\n';
  try {
    write_text_atomically(o.out, csv.str());
  } catch (const std::exception& e) {
    throw UsageError("--out " + o.out + ": cannot write (" + e.what() + ")");
  }
  std::cout << "wrote " << o.n << " points to " << o.out << "\n";
  return 0;
}

}  // namespace

Action add_sample_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("sample", "generate samples from a trained run");
  auto o = std::make_shared<SampleOptions>();
  sub->add_option("--run", o->run, "run directory")->required();
  sub->add_option("--checkpoint", o->checkpoint, "model file (default: RUN/checkpoints/final.pt)");
  sub->add_option("--n", o->n, "number of samples");
  sub->add_option("--seed", o->seed, "noise seed")->check(non_negative_integer());
  sub->add_option("--out", o->out, "output file (.csv: one x,y point per line)")->required();
  sub->add_option("--threads", o->threads, "CPU threads (0: all cores)");
  return [o] { return run_sample(*o); };
}

}  // namespace wgan::cli

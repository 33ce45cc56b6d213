// wgan export: the trained generator as a TorchScript file for Python and C++.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/config/config.h"
#include "wgan/core/error.h"
#include "wgan/nets/torchscript_export.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/networks.h"

namespace wgan::cli {
namespace {

struct ExportOptions {
  ModelChoice model;
  std::string out;
  GeneratorChoice generator = GeneratorChoice::kAuto;
};

int run_export(const ExportOptions& o) {
  CheckpointState model = load_checkpoint(o.model.path());
  ExportInfo info;
  info.nz = model.config.nz;
  info.noise = name_of(model.config.noise);
  info.output_shape = sample_shape(model.config);
  try {
    export_generator(sampling_generator(model.networks, o.generator), info, o.out);
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    std::string what = e.what();
    throw UsageError("--out " + o.out + ": cannot write (" + what.substr(0, what.find('\n')) + ")");
  }
  std::cout << "wrote " << o.out << ": noise [B, " << info.nz << "] (" << info.noise << ") -> samples [B, ";
  for (size_t i = 0; i < info.output_shape.size(); ++i) std::cout << (i ? ", " : "") << info.output_shape[i];
  std::cout << "]\n";
  return 0;
}

}  // namespace

Action add_export_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("export", "write the generator as a TorchScript module");
  auto o = std::make_shared<ExportOptions>();
  add_model_options(sub, o->model);
  add_generator_option(sub, o->generator);
  sub->add_option("--out", o->out, "output file, e.g. generator.pt")->required();
  return [o] { return run_export(*o); };
}

}  // namespace wgan::cli

// wgan export: the trained generator as a TorchScript file for Python and C++.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/core/error.h"
#include "wgan/nets/network_factory.h"
#include "wgan/nets/torchscript_export.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/config.h"

namespace wgan::cli {
namespace {

struct ExportOptions {
  std::string run, checkpoint, out;
};

int run_export(const ExportOptions& o) {
  CheckpointState model =
      load_checkpoint(o.checkpoint.empty() ? latest_checkpoint_or_fail(o.run) : o.checkpoint);
  ExportInfo info;
  info.nz = model.config.nz;
  info.noise = model.config.noise;
  info.output_shape = sample_shape(model.config);
  try {
    export_generator(*model.networks.generator, info, o.out);
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    std::string what = e.what();
    throw UsageError("--out " + o.out + ": cannot write (" + what.substr(0, what.find('\n')) + ")");
  }
  std::cout << "wrote " << o.out << ": noise [B, " << info.nz << "] (" << info.noise
            << ") -> samples [B, ";
  for (size_t i = 0; i < info.output_shape.size(); ++i)
    std::cout << (i ? ", " : "") << info.output_shape[i];
  std::cout << "]\n";
  return 0;
}

}  // namespace

Action add_export_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("export", "write the generator as a TorchScript module");
  auto o = std::make_shared<ExportOptions>();
  sub->add_option("--run", o->run, "run directory (its final, else newest, checkpoint)");
  sub->add_option("--checkpoint", o->checkpoint, "a checkpoint file instead of --run");
  sub->add_option("--out", o->out, "output file, e.g. generator.pt")->required();
  sub->callback([sub] {
    if (sub->get_option("--run")->count() == 0 && sub->get_option("--checkpoint")->count() == 0)
      throw CLI::RequiredError("--run or --checkpoint");
  });
  return [o] { return run_export(*o); };
}

}  // namespace wgan::cli

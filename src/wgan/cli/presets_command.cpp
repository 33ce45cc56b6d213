// wgan presets: the named configurations, with where their settings come from.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/train/presets.h"

namespace wgan::cli {

Action add_presets_command(CLI::App& app) {
  app.add_subcommand("presets", "list the presets and their sources");
  return [] {
    for (const Preset& p : presets())
    {
      std::cout << p.name << "\n  source: " << p.source << "\n  " << p.description << "\n";
      if (!p.deviations.empty()) std::cout << "  deviations: " << p.deviations << "\n";
    }
    return 0;
  };
}

}  // namespace wgan::cli

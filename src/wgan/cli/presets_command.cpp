// wgan presets: the named configurations, with where their settings come from.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/config/presets.h"

namespace wgan::cli {

Action add_presets_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("presets", "list the presets and their sources");
  auto markdown = std::make_shared<bool>(false);
  sub->add_flag("--markdown", *markdown, "as the Markdown table of docs/training.md");
  return [markdown] {
    if (*markdown) return std::cout << presets_markdown(), 0;
    for (const Preset& p : presets()) {
      std::cout << p.name << ": " << p.title << "\n  source: " << p.source << "\n  flags: " << preset_flags(p) << "\n";
      if (!p.deviations.empty()) std::cout << "  deviations: " << p.deviations << "\n";
    }
    return 0;
  };
}

}  // namespace wgan::cli

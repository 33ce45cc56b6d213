// wgan options: every training option with its flag, config.json key, default, meaning and
// what --resume may do with it, as the Markdown table docs/training.md holds.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/train/option_table.h"

namespace wgan::cli {

Action add_options_command(CLI::App& app) {
  app.add_subcommand("options", "every training option: flag, config.json key, default, resume rule");
  return [] {
    std::cout << options_markdown();
    return 0;
  };
}

}  // namespace wgan::cli

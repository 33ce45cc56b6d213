// wgan options: every training option with its flag, config.json key, default, meaning and
// what --resume may do with it, as the Markdown table docs/training.md holds.
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/config/option_table.h"
#include "wgan/nets/network_family.h"

namespace wgan::cli {

Action add_options_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("options", "every training option: flag, config.json key, default, resume rule");
  auto families = std::make_shared<bool>(false);
  sub->add_flag("--families", *families, "the network families of --arch instead (docs/datasets.md)");
  return [families] {
    std::cout << (*families ? network_families_markdown() : options_markdown());
    return 0;
  };
}

}  // namespace wgan::cli

// wgan: train Wasserstein GANs. Dispatches to the subcommands and turns every error into one
// line on stderr: exit status 2 for bad usage or input, 1 for a failure while running.
#include <CLI/CLI.hpp>

#include <iostream>
#include <vector>

#include "wgan/cli/commands.h"
#include "wgan/cli/launcher.h"
#include "wgan/config/option_table.h"
#include "wgan/core/error.h"

namespace {

// CLI11 says "Could not convert: --iters = abc"; say what was expected instead.
std::string describe_parse_error(const CLI::ParseError& e) {
  const std::string what = e.what();
  const std::string prefix = "Could not convert: ";
  const size_t eq = what.find(" = ");
  if (what.rfind(prefix, 0) == 0 && eq != std::string::npos)
    return what.substr(prefix.size(), eq - prefix.size()) + ": expected a number, got '" + what.substr(eq + 3) + "'";
  return what;
}

}  // namespace

int main(int argc, char** argv) {
  wgan::cli::set_command_line(argc, argv);  // --nproc re-runs it
  CLI::App app{"wgan: Wasserstein GAN training on LibTorch"};
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, wgan::cli::Action>> commands;
  auto add = [&](wgan::cli::Action (*add_command)(CLI::App&)) {
    const size_t before = app.get_subcommands({}).size();
    wgan::cli::Action action = add_command(app);
    commands.emplace_back(app.get_subcommands({})[before], std::move(action));
  };
  add(wgan::cli::add_train_command);
  add(wgan::cli::add_sample_command);
  add(wgan::cli::add_eval_command);
  add(wgan::cli::add_export_command);
  add(wgan::cli::add_report_command);
  add(wgan::cli::add_distance_command);
  add(wgan::cli::add_demo_command);
  add(wgan::cli::add_classifier_command);
  add(wgan::cli::add_data_command);
  add(wgan::cli::add_presets_command);
  add(wgan::cli::add_options_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string where;
    for (const auto& [sub, action] : commands)
      if (sub->parsed()) where = " " + sub->get_name();
    std::cerr << "wgan" << where << ": " << describe_parse_error(e) << " (see 'wgan" << where << " --help')\n";
    return 2;
  }
  try {
    for (auto& [sub, action] : commands)
      if (sub->parsed()) return action();
  } catch (const wgan::OptionError& e) {
    // Found below the command line, named by its meaning: say it with its flag.
    std::cerr << "wgan: " << e.said_as(wgan::flag_of(e.key)) << "\n";
    return 2;
  } catch (const wgan::UsageError& e) {
    std::cerr << "wgan: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::string what = e.what();
    // LibTorch's allocator: a size the user asked for does not fit in memory.
    if (what.find("can't allocate memory") != std::string::npos ||
        what.find("not enough memory") != std::string::npos) {
      std::cerr << "wgan: not enough memory for this run (" << what.substr(0, what.find('\n'))
                << "); expected a smaller --batch-size, --image-size, network width or --n\n";
      return 2;
    }
    std::cerr << "wgan: error: " << what.substr(0, what.find('\n')) << "\n";
    return 1;
  }
  return 2;
}

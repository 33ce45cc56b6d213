// One function per subcommand: each registers its options on the app and returns the action
// to run when that subcommand was chosen. main.cpp only dispatches.
#pragma once
#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace wgan::cli {

using Action = std::function<int()>;

Action add_train_command(CLI::App& app);
Action add_sample_command(CLI::App& app);
Action add_eval_command(CLI::App& app);
Action add_presets_command(CLI::App& app);
Action add_options_command(CLI::App& app);
Action add_export_command(CLI::App& app);
Action add_report_command(CLI::App& app);
Action add_distance_command(CLI::App& app);
Action add_demo_command(CLI::App& app);
Action add_classifier_command(CLI::App& app);
Action add_data_command(CLI::App& app);

}  // namespace wgan::cli

// wgan data fetch: a published dataset downloaded, verified and laid out for --data.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/data/dataset_sources.h"
#include "wgan/fetch/fetch_dataset.h"

namespace wgan::cli {

Action add_data_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("data", "published datasets: fetch them");
  sub->require_subcommand(1);
  CLI::App* fetch = sub->add_subcommand("fetch", "download a dataset, verify its MD5 sums and unpack it for --data");
  auto o = std::make_shared<FetchOptions>();
  std::vector<std::string> names;
  for (const auto& source : dataset_sources()) names.push_back(source.dataset);
  fetch->add_option("name", o->dataset, "the dataset")->required()->check(CLI::IsMember(names));
  fetch->add_option("--to", o->to, "the data directory (default: $WGAN_DATA/NAME, else $XDG_DATA_HOME/wgan/NAME)");
  fetch->add_option("--mirror", o->mirror, "an address holding the same files (default: the publisher's)");
  add_choice_option(fetch, "--split", o->split, "mnist, fashion-mnist: only train or test files, or all",
                    {Split::kTrain, Split::kTest, Split::kAll});
  return [o] {
    o->progress_bar = isatty(STDERR_FILENO);
    const std::string dir = fetch_dataset(*o, std::cout);
    std::cout << "ready: wgan train --dataset " << o->dataset << " --data " << dir << "\n";
    return 0;
  };
}

}  // namespace wgan::cli

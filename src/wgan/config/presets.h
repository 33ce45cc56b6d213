// Named configurations: the default demo and the seeds' experiments. A preset is a list of
// flags of the option table, applied before the command line's own flags (so any flag
// overrides it); what `wgan presets` prints and the docs' table are made from the same list.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "wgan/config/config.h"

namespace wgan {

struct Preset {
  std::string name;
  std::string title;       // what it is, in a few words
  std::string source;      // where its settings come from
  std::string deviations;  // where it knowingly differs from its source, and why
  std::string base;        // a preset applied first ("" for none)
  // Flags of the option table with their values, applied in order; --loss first brings in
  // the loss's optimiser defaults.
  std::vector<std::pair<std::string, std::string>> settings;
};

const std::vector<Preset>& presets();
const Preset& find_preset(const std::string& name);  // UsageError listing the names if unknown

// Applies the named preset (its base first) on top of `config`.
void apply_preset(const std::string& name, TrainConfig& config);

// The preset's settings as one command line ("--dataset gaussians25 --loss wgan-gp ...").
std::string preset_flags(const Preset& preset);

// A Markdown table of the presets (name, what, flags, source, deviations); docs/training.md
// holds it and a test keeps the two equal.
std::string presets_markdown();

}  // namespace wgan

// Named configurations: the default demo and the seeds' experiments. A preset is applied
// before the command line's own flags, so any flag overrides it.
#pragma once
#include <string>
#include <vector>

#include "wgan/train/config.h"

namespace wgan {

struct Preset {
  std::string name;
  std::string source;       // where its settings come from
  std::string description;  // what it trains
  std::string deviations;   // where it knowingly differs from its source, and why
  void (*apply)(TrainConfig& config);
};

const std::vector<Preset>& presets();

// Applies the named preset on top of `config`; UsageError listing the names if unknown.
void apply_preset(const std::string& name, TrainConfig& config);

}  // namespace wgan

// Options several commands share, registered and checked in one place.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace wgan::cli {

// --threads N (0: all cores), checked to be >= 0.
void add_threads_option(CLI::App* sub, int64_t& threads);

// Which trained model a command reads: --run DIR (its final, else newest, checkpoint) or
// --checkpoint FILE; one of the two is required.
struct ModelChoice {
  std::string run, checkpoint;
  // The checkpoint file chosen; UsageError when the run has none.
  std::string path() const;
};
void add_model_options(CLI::App* sub, ModelChoice& choice);

// --generator auto|raw|ema: which generator of a model to sample (auto: the averaged one when
// the run kept one with --g-ema).
void add_generator_option(CLI::App* sub, std::string& which);

// The newest checkpoint of a run directory; UsageError naming --run if none.
std::string latest_checkpoint_or_fail(const std::string& run);

// " (a|b|c)" for a help text.
std::string choices(const std::vector<std::string>& names);

}  // namespace wgan::cli

// Options several commands share, registered and checked in one place.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/core/choice.h"

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

// An option taking the names of a typed choice (core/choice.h) into its enum value; `only`
// limits the values a command takes (empty: every one).
template <typename E>
CLI::Option* add_choice_option(CLI::App* sub, const std::string& flag, E& value, const std::string& help,
                               const std::vector<E>& only = {}) {
  std::map<std::string, E> names;
  for (const auto& entry : choice_table(E{}))
    if (only.empty() || std::find(only.begin(), only.end(), entry.value) != only.end()) names[entry.name] = entry.value;
  return sub->add_option(flag, value, help)->transform(CLI::CheckedTransformer(names));
}

// --generator auto|raw|ema: which generator of a model to sample (auto: the averaged one when
// the run kept one with --g-ema).
void add_generator_option(CLI::App* sub, GeneratorChoice& which);

// The newest checkpoint of a run directory; UsageError naming --run if none.
std::string latest_checkpoint_or_fail(const std::string& run);

// " (a|b|c)" for a help text.
std::string choices(const std::vector<std::string>& names);

}  // namespace wgan::cli

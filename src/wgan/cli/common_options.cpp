#include "wgan/cli/common_options.h"

#include <CLI/CLI.hpp>

#include "wgan/core/error.h"
#include "wgan/train/checkpoint.h"
#include "wgan/train/networks.h"

namespace wgan::cli {

void add_threads_option(CLI::App* sub, int64_t& threads) {
  sub->add_option("--threads", threads, "CPU threads (0: all cores)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            try {
              size_t used = 0;
              if (std::stoll(value, &used) >= 0 && used == value.size()) return "";
            } catch (const std::exception&) {
            }
            return "expected an integer >= 0, got '" + value + "'";
          },
          "INT>=0"));
}

std::string latest_checkpoint_or_fail(const std::string& run) {
  const std::string path = latest_checkpoint(run);
  if (path.empty())
    throw UsageError("--run " + run + ": no checkpoint in " + run +
                     "/checkpoints (expected checkpoints/final.pt or ckpt-*.pt)");
  return path;
}

std::string ModelChoice::path() const { return checkpoint.empty() ? latest_checkpoint_or_fail(run) : checkpoint; }

void add_model_options(CLI::App* sub, ModelChoice& choice) {
  sub->add_option("--run", choice.run, "run directory (its final, else newest, checkpoint)");
  sub->add_option("--checkpoint", choice.checkpoint, "a checkpoint file instead of --run");
  sub->callback([sub] {
    if (sub->get_option("--run")->count() == 0 && sub->get_option("--checkpoint")->count() == 0)
      throw CLI::RequiredError("--run or --checkpoint");
  });
}

void add_generator_option(CLI::App* sub, GeneratorChoice& which) {
  const std::vector<GeneratorChoice> one = {GeneratorChoice::kAuto, GeneratorChoice::kRaw, GeneratorChoice::kEma};
  std::vector<std::string> names;
  for (GeneratorChoice g : one) names.push_back(name_of(g));
  add_choice_option(sub, "--generator", which,
                    "generator to sample: the averaged one of --g-ema or the raw one" + choices(names) +
                        "; auto: averaged when there is one",
                    one);
}

std::string choices(const std::vector<std::string>& names) {
  std::string out = " (";
  for (size_t i = 0; i < names.size(); ++i) out += (i ? "|" : "") + names[i];
  return out + ")";
}

}  // namespace wgan::cli

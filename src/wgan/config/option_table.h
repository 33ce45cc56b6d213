// Every training option declared once: its member of TrainConfig, its key in config.json, its
// command-line flag and help, its check, and what a resumed run may do with it. config.json's
// reader and writer, validation, the command line's binding and help, the resume rule and the
// options table of docs/training.md all read this table; nothing else lists the options.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "wgan/config/config.h"
#include "wgan/core/error.h"

namespace wgan {

// What `wgan train --resume` may do with an option given again.
enum class OnResume {
  kMayChange,  // result-neutral (intervals, threads, the iteration target): any new value
  kMustMatch,  // structural (what the checkpoint's networks and optimisers are): same value only
  kRefused,    // result-changing (seed, learning rates, penalty weight): same value only
};
std::string describe(OnResume rule);

// The kind of value, which says how a flag's text is read.
enum class OptionKind { kText, kInteger, kCount /* integer >= 0, unsigned */, kNumber, kSwitch, kNumberOrNone };

struct OptionSpec {
  std::string key;   // in config.json; a dot nests ("optimizer_d.lr")
  std::string flag;  // "--lr-d"; empty for options set by the program (world_size)
  std::string help;
  OnResume on_resume = OnResume::kRefused;
  OptionKind kind = OptionKind::kText;
  std::vector<std::string> choices;  // kText: the accepted values (empty: any)
  bool switch_value = true;          // kSwitch: the value the flag sets (--no-fast-paths: false)
  bool in_older_files = true;        // false: added later, so config.json may lack it
  // The problem with a value ("expected a positive integer, got 0"), empty when it is fine.
  std::function<std::string(const nlohmann::json&)> check;
  std::function<nlohmann::json(const TrainConfig&)> get;
  std::function<void(TrainConfig&, const nlohmann::json&)> set;

  // A value written as on the command line ("0.5", "none"), as it would be stored; throws
  // OptionError when the text is not one.
  nlohmann::json parse(const std::string& text) const;
  // parse, then check: the value, or an OptionError saying what is wrong with it.
  nlohmann::json read(const std::string& text) const;
  // The value of `flag` itself when it takes none (a switch).
  bool is_switch() const { return kind == OptionKind::kSwitch; }
};

// One flag that sets several options at once (--lr: both networks' learning rates).
struct SharedFlag {
  std::string flag;
  std::vector<std::string> keys;
  std::string help;
};

// The text of an absent value ("--clip none").
inline constexpr const char* kNone = "none";

// The options in the order the command line applies them (built once from
// build_option_table(), the rows in option_table.cpp).
const std::vector<OptionSpec>& option_table();
std::vector<OptionSpec> build_option_table();
// Flags setting several options, applied before the per-option flags they share.
const std::vector<SharedFlag>& shared_flags();
// The entry of a key; std::logic_error if there is none (a programming error).
const OptionSpec& option_spec(const std::string& key);
// The options a flag sets (two for a shared flag); empty for a flag not in the table.
std::vector<std::string> keys_of_flag(const std::string& flag);

// An OptionError (core/error.h) that names the option by its flag in the table ("--beta1-d").
OptionError flag_error(const std::string& key, const std::string& problem, const std::string& given = "",
                       const std::string& separator = ": ");
// The flag of an option key: the table's, else the key as a flag (image_size: --image-size).
std::string flag_of(const std::string& key);

// The checks of every option on its own (cross-option rules are in validate()).
void check_each_option(const TrainConfig& config);

// config.json's object for a configuration, every option of the table in it, plus the derived
// global_batch_size (batch_size x world_size) for the reader.
nlohmann::json options_to_json(const TrainConfig& config);
// The configuration a config.json holds; UsageError naming the key that is missing or of the
// wrong type. Options added after a file was written (in_older_files false) keep their default.
TrainConfig options_from_json(const nlohmann::json& json);

// Resuming: `value` for `key` given again on the command line. Applied to `config` (the
// checkpoint's) when the option's rule allows a change; refused with an OptionError that says
// "cannot be given with --resume" when it does not and the value differs from the stored one.
void change_on_resume(TrainConfig& config, const std::string& key, const nlohmann::json& value);

// The first option under `rule` whose values differ between a and b ("" when none), for the
// checkpoint reader's check that a run resumes the networks it saved.
std::string first_difference(const TrainConfig& a, const TrainConfig& b, OnResume rule);

// A Markdown table of every option: flag, key, default, meaning, on resume. docs/training.md
// holds it; a test keeps the two equal.
std::string options_markdown();

}  // namespace wgan

// The two kinds of failure a person sees. `main` turns either into one line on stderr.
#pragma once
#include <stdexcept>
#include <string>

namespace wgan {

// Wrong flag, value or input file: exit status 2, before any training starts.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A bad value of one option, found by whichever layer uses it. `key` names the option by its
// meaning, as config.json does ("data", "image_size"); `given` is the value. what() reads
// "<name> <given>: <problem>", where name is the key unless the thrower knows better (the
// option table names its flag). The command line says it with the flag the user typed.
struct OptionError : UsageError {
  OptionError(std::string key_, std::string problem_, std::string given_ = "", std::string name = "",
              std::string separator_ = ": ")
      : UsageError((name.empty() ? key_ : name) + (given_.empty() ? "" : " " + given_) + separator_ + problem_),
        key(std::move(key_)),
        problem(std::move(problem_)),
        given(std::move(given_)),
        separator(std::move(separator_)) {}
  // The message with the option called `name` (a flag).
  std::string said_as(const std::string& name) const {
    return name + (given.empty() ? "" : " " + given) + separator + problem;
  }
  std::string key, problem, given, separator;
};

// Something went wrong while running (I/O failure, divergence): exit status 1.
struct RunError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A non-finite loss or gradient under --on-nan stop.
struct DivergenceError : RunError {
  using RunError::RunError;
};

}  // namespace wgan

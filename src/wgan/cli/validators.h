// Option checks whose messages say what was given and what was expected.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace wgan::cli {

// For unsigned options: CLI11 would otherwise wrap "-3" around to a huge number.
inline CLI::Validator non_negative_integer() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
          return "expected an integer >= 0, got '" + value + "'";
        return "";
      },
      "INT>=0");
}

}  // namespace wgan::cli

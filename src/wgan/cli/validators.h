// Option checks whose messages say what was given and what was expected.
#pragma once
#include <CLI/CLI.hpp>

#include <cmath>
#include <stdexcept>
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

// A finite number >= 0 (CLI11's Range lets "nan" through: every comparison with it is false).
inline CLI::Validator non_negative_number() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double x = 0;
        std::size_t used = 0;
        try {
          x = std::stod(value, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != value.size() || !(x >= 0) || !std::isfinite(x))
          return "expected a finite number >= 0, got '" + value + "'";
        return "";
      },
      "NUMBER>=0");
}

}  // namespace wgan::cli

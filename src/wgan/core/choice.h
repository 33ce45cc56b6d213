// Typed choices: an option that takes one of a few named values is an enum in the code, as the
// C++ frontend's torch::kZeros is, and its names live in one table beside the enum. Strings stay
// at the edges (config.json, the command line, messages); the code compares enum values, so a
// misspelt choice does not compile.
//
// An enum E joins by declaring, in its own namespace (found by argument-dependent lookup):
//   inline constexpr ChoiceName<E> kENames[] = {{E::kA, "a"}, {E::kB, "b"}};
//   constexpr const auto& choice_table(E) { return kENames; }
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wgan {

template <typename E>
struct ChoiceName {
  E value;
  const char* name;
};

// The names of E's values, in the table's order.
template <typename E>
std::vector<std::string> choice_names() {
  std::vector<std::string> names;
  for (const auto& entry : choice_table(E{})) names.emplace_back(entry.name);
  return names;
}

// The name of a value; std::logic_error for a value missing from the table (a programming error).
template <typename E>
std::string name_of(E value) {
  for (const auto& entry : choice_table(E{}))
    if (entry.value == value) return entry.name;
  throw std::logic_error("a choice value without a name in its table");
}

// The value named `text`, or nothing.
template <typename E>
std::optional<E> parse_choice(const std::string& text) {
  for (const auto& entry : choice_table(E{}))
    if (text == entry.name) return entry.value;
  return std::nullopt;
}

// The value named `text`; std::logic_error when there is none (for names the program itself
// wrote, such as a registry's; names from users go through parse_choice and a message).
template <typename E>
E choice_named(const std::string& text) {
  if (auto value = parse_choice<E>(text)) return *value;
  throw std::logic_error("no choice named '" + text + "'");
}

}  // namespace wgan

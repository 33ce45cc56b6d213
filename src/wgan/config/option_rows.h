// The builders of the option table's rows (option_table.cpp) and the checks they take: one
// builder per kind of value. Only the table includes this.
#pragma once
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <type_traits>

#include "wgan/config/option_table.h"
#include "wgan/core/choice.h"

namespace wgan::option_rows {

using json = nlohmann::json;
using Check = std::function<std::string(const json&)>;

// A value as a message shows it: text without quotes, numbers shortest.
inline std::string value_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) {
    std::ostringstream out;
    out << value.get<double>();
    return out.str();
  }
  return value.dump();
}

// --- checks: the problem with a value, "" when it is fine ---

inline Check any() {
  return [](const json&) { return std::string(); };
}
inline Check positive_integer() {
  return [](const json& v) { return v.get<int64_t>() > 0 ? "" : "expected a positive integer, got " + value_text(v); };
}
inline Check non_negative_integer() {
  return [](const json& v) { return v.get<int64_t>() >= 0 ? "" : "expected an integer >= 0, got " + value_text(v); };
}
// Numbers reach LibTorch as float32: larger ones would fail only once training starts.
inline constexpr double kLargest = std::numeric_limits<float>::max();
inline Check positive_number() {
  return [](const json& v) {
    const double x = v.get<double>();
    return x > 0 && x <= kLargest ? "" : "expected a finite positive number, got " + value_text(v);
  };
}
inline Check non_negative_number() {
  return [](const json& v) {
    const double x = v.get<double>();
    return x >= 0 && x <= kLargest ? "" : "expected a finite number >= 0, got " + value_text(v);
  };
}
inline Check fraction() {
  return [](const json& v) {
    const double x = v.get<double>();
    return x >= 0 && x < 1 ? "" : "expected a value in [0, 1), got " + value_text(v);
  };
}
// One of a list of names (text options whose names are not an enum's: datasets, losses).
inline Check one_of(std::vector<std::string> names) {
  return [names = std::move(names)](const json& v) {
    const std::string text = v.get<std::string>();
    for (const auto& name : names)
      if (name == text) return std::string();
    return "unknown value '" + text + "'; expected one of " + join(names);
  };
}

// --- rows ---

struct Row {
  std::string key, flag;
  OnResume on_resume = OnResume::kRefused;
  std::string help;
};

// The row's own fields in a spec of this kind.
inline OptionSpec spec_of(Row r, OptionKind kind) {
  OptionSpec s;
  s.key = std::move(r.key);
  s.flag = std::move(r.flag);
  s.help = std::move(r.help);
  s.on_resume = r.on_resume;
  s.kind = kind;
  return s;
}

// A plain value: text, a number, an integer or a switch. `access` is a generic lambda returning
// the member (const or not).
template <typename Access>
OptionSpec value_row(Row r, OptionKind kind, Access access, Check check = any()) {
  OptionSpec s = spec_of(std::move(r), kind);
  s.check = std::move(check);
  s.get = [access](const TrainConfig& c) { return json(access(c)); };
  s.set = [access](TrainConfig& c, const json& v) {
    auto& member = access(c);
    member = v.get<std::decay_t<decltype(member)>>();
  };
  return s;
}

// A text option whose names come from a list, stored as text (datasets, losses, constraints).
template <typename Access>
OptionSpec named_row(Row r, Access access, std::vector<std::string> names) {
  OptionSpec s = value_row(std::move(r), OptionKind::kText, access, one_of(names));
  s.choices = std::move(names);
  return s;
}

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

// A typed choice (core/choice.h), its member an enum E, or a std::optional<E> whose empty value
// is "auto" (worked out by resolve_automatic_choices). config.json and the flag hold the name.
template <typename Access>
OptionSpec choice_row(Row r, Access access) {
  using Member = std::decay_t<decltype(access(std::declval<TrainConfig&>()))>;
  constexpr bool with_auto_value = IsOptional<Member>::value;
  using E = typename std::conditional_t<with_auto_value, Member, std::optional<Member>>::value_type;
  OptionSpec s = spec_of(std::move(r), OptionKind::kText);
  s.choices = with_auto_value ? with_auto(choice_names<E>()) : choice_names<E>();
  s.check = one_of(s.choices);
  s.get = [access](const TrainConfig& c) {
    const Member& value = access(c);
    if constexpr (with_auto_value)
      return json(value ? name_of(*value) : std::string("auto"));
    else
      return json(name_of(value));
  };
  s.set = [access, check = s.check, key = s.key](TrainConfig& c, const json& v) {
    const std::string problem = check(v);  // a name the enum does not have cannot be stored
    if (!problem.empty()) throw flag_error(key, problem);
    const std::string name = v.get<std::string>();
    if constexpr (with_auto_value)
      access(c) = name == kAuto ? std::nullopt : parse_choice<E>(name);
    else
      access(c) = *parse_choice<E>(name);
  };
  return s;
}

// A number or 'none', its member a std::optional<double>; `check` sees the numbers only.
template <typename Access>
OptionSpec number_or_none_row(Row r, Access access, Check check) {
  OptionSpec s = spec_of(std::move(r), OptionKind::kNumberOrNone);
  s.check = [check](const json& v) {
    if (v.is_string() && v.get<std::string>() == kNone) return std::string();
    if (!v.is_number()) return "expected a number or 'none', got '" + value_text(v) + "'";
    return check(v);
  };
  s.get = [access](const TrainConfig& c) {
    const std::optional<double>& value = access(c);
    return value ? json(*value) : json(kNone);
  };
  s.set = [access](TrainConfig& c, const json& v) {
    std::optional<double>& value = access(c);
    value = v.is_number() ? std::optional<double>(v.get<double>()) : std::nullopt;
  };
  return s;
}

// A switch whose flag turns the option off (--no-fast-paths).
inline OptionSpec switch_off(OptionSpec s) {
  s.switch_value = false;
  return s;
}
// An option added after config.json files were first written: a file may lack it.
inline OptionSpec added_later(OptionSpec s) {
  s.in_older_files = false;
  return s;
}

}  // namespace wgan::option_rows

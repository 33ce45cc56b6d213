// Lists of names, as the registries and choice lists of every layer keep them.
#pragma once
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace wgan {

// "a, b, c" (or with another separator).
inline std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

template <typename T, typename = void>
struct IsNamePair : std::false_type {};
template <typename T>
struct IsNamePair<T, std::void_t<decltype(std::declval<T>().first)>> : std::true_type {};

// The first member of each (name, value) pair of a table, or each entry's .name.
template <typename Table>
std::vector<std::string> names_of(const Table& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) {
    if constexpr (IsNamePair<std::decay_t<decltype(entry)>>::value)
      names.push_back(entry.first);
    else
      names.push_back(entry.name);
  }
  return names;
}

// "auto" followed by the names: the choices of an option whose default is worked out.
inline std::vector<std::string> with_auto(const std::vector<std::string>& names) {
  std::vector<std::string> all = {"auto"};
  all.insert(all.end(), names.begin(), names.end());
  return all;
}

}  // namespace wgan

// The option table's readers: flags' text, config.json, the resume rule and the docs' table.
// The rows themselves are in option_table.cpp.
#include "wgan/config/option_table.h"

#include <stdexcept>

#include "wgan/config/option_rows.h"

namespace wgan {
namespace {

using json = nlohmann::json;
using option_rows::value_text;

json::json_pointer pointer(const std::string& key) {
  std::string path = "/" + key;
  for (char& ch : path)
    if (ch == '.') ch = '/';
  return json::json_pointer(path);
}

}  // namespace

std::string describe(OnResume rule) {
  switch (rule) {
    case OnResume::kMayChange: return "may change";
    case OnResume::kMustMatch: return "must match (structural)";
    case OnResume::kRefused: return "refused (changes the result)";
  }
  return "";
}

OptionError flag_error(const std::string& key, const std::string& problem, const std::string& given,
                       const std::string& separator) {
  return OptionError(key, problem, given, flag_of(key), separator);
}

std::string flag_of(const std::string& key) {
  for (const auto& s : option_table())
    if (s.key == key && !s.flag.empty()) return s.flag;
  std::string flag = "--" + key;
  for (char& ch : flag)
    if (ch == '_' || ch == '.') ch = '-';
  return flag;
}

const std::vector<OptionSpec>& option_table() {
  static const std::vector<OptionSpec> table = build_option_table();
  return table;
}

const std::vector<SharedFlag>& shared_flags() {
  static const std::vector<SharedFlag> flags = {
      {"--norm", {"norm_d", "norm_g"}, "normalisation of both networks"},
      {"--optimizer", {"optimizer_d.name", "optimizer_g.name"}, "optimizer of both networks"},
      {"--lr", {"optimizer_d.lr", "optimizer_g.lr"}, "learning rate of both networks"},
      {"--beta1", {"optimizer_d.beta1", "optimizer_g.beta1"}, "Adam beta1 of both networks"},
      {"--beta2", {"optimizer_d.beta2", "optimizer_g.beta2"}, "Adam beta2 of both networks"},
      {"--weight-decay", {"optimizer_d.weight_decay", "optimizer_g.weight_decay"}, "L2 weight decay of both networks"},
  };
  return flags;
}

const OptionSpec& option_spec(const std::string& key) {
  for (const auto& s : option_table())
    if (s.key == key) return s;
  throw std::logic_error("no option '" + key + "' in the option table");
}

json OptionSpec::parse(const std::string& text) const {
  const auto fail = [&](const std::string& expected) -> json {
    throw flag_error(key, "expected " + expected + ", got '" + text + "'");
  };
  try {
    size_t used = 0;
    switch (kind) {
      case OptionKind::kText: return text;
      case OptionKind::kSwitch: return switch_value;
      case OptionKind::kInteger: {
        const long long v = std::stoll(text, &used);
        return used == text.size() ? json(static_cast<int64_t>(v)) : fail("an integer");
      }
      case OptionKind::kCount: {
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return fail("an integer >= 0");
        return json(static_cast<uint64_t>(std::stoull(text)));
      }
      case OptionKind::kNumber: {
        const double v = std::stod(text, &used);
        return used == text.size() ? json(v) : fail("a number");
      }
      case OptionKind::kNumberOrNone: {
        if (text == kNone) return kNone;
        const double v = std::stod(text, &used);
        return used == text.size() ? json(v) : fail("a number or 'none'");
      }
    }
  } catch (const std::invalid_argument&) {
  } catch (const std::out_of_range&) {
    return fail("a value in range");
  }
  return fail(kind == OptionKind::kNumberOrNone ? "a number or 'none'" : "a number");
}

json OptionSpec::read(const std::string& text) const {
  const json value = parse(text);
  const std::string problem = check(value);
  if (!problem.empty()) throw flag_error(key, problem);
  return value;
}

std::vector<std::string> keys_of_flag(const std::string& flag) {
  for (const SharedFlag& shared : shared_flags())
    if (shared.flag == flag) return shared.keys;
  for (const OptionSpec& spec : option_table())
    if (spec.flag == flag) return {spec.key};
  return {};
}

void check_each_option(const TrainConfig& config) {
  for (const auto& s : option_table()) {
    const std::string problem = s.check(s.get(config));
    if (!problem.empty()) throw flag_error(s.key, problem);
  }
}

json options_to_json(const TrainConfig& config) {
  json j = json::object();
  for (const auto& s : option_table()) j[pointer(s.key)] = s.get(config);
  j["global_batch_size"] = config.batch_size * config.world_size;
  return j;
}

TrainConfig options_from_json(const json& j) {
  if (!j.is_object()) throw UsageError("configuration: expected a JSON object, got " + std::string(j.type_name()));
  TrainConfig c;
  for (const auto& s : option_table()) {
    const auto at = pointer(s.key);
    if (!j.contains(at)) {
      if (s.in_older_files) throw UsageError("configuration is incomplete: no '" + s.key + "'");
      continue;
    }
    try {
      s.set(c, j.at(at));
    } catch (const json::exception&) {
      throw UsageError("configuration: '" + s.key + "' has the wrong type (" + std::string(j.at(at).type_name()) +
                       "): " + j.at(at).dump());
    }
  }
  if (j.contains("global_batch_size") && j["global_batch_size"] != json(c.batch_size * c.world_size))
    throw UsageError("configuration: global_batch_size " + j["global_batch_size"].dump() +
                     " is not batch_size x world_size = " + std::to_string(c.batch_size * c.world_size));
  return c;
}

void change_on_resume(TrainConfig& config, const std::string& key, const json& value) {
  const OptionSpec& s = option_spec(key);
  if (s.on_resume == OnResume::kMayChange) {
    s.set(config, value);
    return;
  }
  const json stored = s.get(config);
  if (stored == value) return;
  const std::string why = s.on_resume == OnResume::kMustMatch
                              ? "the checkpoint's networks and optimisers were built with "
                              : "a new value would make the resumed run differ from a straight one; "
                                "the run was trained with ";
  throw flag_error(
      key,
      "cannot be given with --resume (" + why + key + " = " + value_text(stored) + "); start a new run to change it",
      "", " ");
}

std::string first_difference(const TrainConfig& a, const TrainConfig& b, OnResume rule) {
  for (const auto& s : option_table())
    if (s.on_resume == rule && s.get(a) != s.get(b)) return s.key;
  return "";
}

std::string options_markdown() {
  std::string md = "| flag | config.json | default | meaning | on resume |\n| --- | --- | --- | --- | --- |\n";
  const TrainConfig defaults;
  for (const auto& s : option_table()) {
    std::string meaning = s.help;
    if (!s.choices.empty()) meaning += ": " + join(s.choices, ", ");
    for (const auto& shared : shared_flags())
      for (const auto& k : shared.keys)
        if (k == s.key) meaning += "; " + shared.flag + " sets both networks'";
    std::string flag = s.flag.empty() ? "—" : "`" + s.flag + "`";
    md += "| " + flag + " | `" + s.key + "` | `" + value_text(s.get(defaults)) + "` | " + meaning + " | " +
          describe(s.on_resume) + " |\n";
  }
  return md;
}

}  // namespace wgan

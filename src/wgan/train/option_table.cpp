#include "wgan/train/option_table.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "wgan/data/diff_augment.h"
#include "wgan/nets/mlp.h"
#include "wgan/nets/network_factory.h"
#include "wgan/nets/normalization.h"
#include "wgan/objectives/objective_registry.h"
#include "wgan/train/networks.h"

namespace wgan {
namespace {

using json = nlohmann::json;
using Check = std::function<std::string(const json&)>;

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string value_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return number_text(value.get<double>());
  return value.dump();
}

Check positive_integer() {
  return [](const json& v) {
    return v.get<int64_t>() > 0 ? "" : "expected a positive integer, got " + value_text(v);
  };
}
Check non_negative_integer() {
  return [](const json& v) {
    return v.get<int64_t>() >= 0 ? "" : "expected an integer >= 0, got " + value_text(v);
  };
}
// Numbers reach LibTorch as float32: larger ones would fail only once training starts.
constexpr double kLargest = std::numeric_limits<float>::max();

Check positive_number() {
  return [](const json& v) {
    const double x = v.get<double>();
    return x > 0 && x <= kLargest ? "" : "expected a finite positive number, got " + value_text(v);
  };
}
Check non_negative_number() {
  return [](const json& v) {
    const double x = v.get<double>();
    return x >= 0 && x <= kLargest ? "" : "expected a finite number >= 0, got " + value_text(v);
  };
}
Check fraction() {
  return [](const json& v) {
    const double x = v.get<double>();
    return x >= 0 && x < 1 ? "" : "expected a value in [0, 1), got " + value_text(v);
  };
}
Check device_name() {
  return [](const json& v) {
    const std::string d = v.get<std::string>();
    if (d == "cpu" || d == "auto" || d.rfind("cuda", 0) == 0) return std::string();
    return "unknown device '" + d + "'; expected cpu, cuda, cuda:N or auto";
  };
}
// The generators a run can sample from, and both (the averaged one's metrics and the raw one's).
std::vector<std::string> with_both(std::vector<std::string> names) {
  names.push_back("both");
  return names;
}

Check augmentation_check() {
  return [](const json& v) {
    try {
      parse_augmentations(v.get<std::string>());
      return std::string();
    } catch (const OptionError& e) {
      return e.problem;
    }
  };
}
Check any() {
  return [](const json&) { return std::string(); };
}

// One row of the table. `access` is a generic lambda returning the member (const or not).
template <typename Access>
OptionSpec row(std::string key, std::string flag, OnResume rule, OptionKind kind, Access access,
               std::string help, Check check = any()) {
  OptionSpec s;
  s.key = std::move(key);
  s.flag = std::move(flag);
  s.help = std::move(help);
  s.on_resume = rule;
  s.kind = kind;
  s.check = std::move(check);
  s.get = [access](const TrainConfig& c) { return json(access(c)); };
  s.set = [access](TrainConfig& c, const json& v) {
    auto& member = access(c);
    member = v.get<std::decay_t<decltype(member)>>();
  };
  return s;
}

// A text option that takes one of `choices`.
OptionSpec choice(OptionSpec s, std::vector<std::string> choices) {
  s.choices = std::move(choices);
  s.check = [choices = s.choices](const json& v) {
    const std::string text = v.get<std::string>();
    for (const auto& c : choices)
      if (c == text) return std::string();
    return "unknown value '" + text + "'; expected one of " + join(choices);
  };
  return s;
}
// A switch whose flag turns the option off (--no-fast-paths).
OptionSpec switch_off(OptionSpec s) {
  s.switch_value = false;
  return s;
}
OptionSpec added_later(OptionSpec s) {
  s.in_older_files = false;
  return s;
}

#define FIELD(member) [](auto& c) -> auto& { return c.member; }

constexpr OnResume kMay = OnResume::kMayChange, kMust = OnResume::kMustMatch,
                   kNo = OnResume::kRefused;
constexpr OptionKind kText = OptionKind::kText, kInt = OptionKind::kInteger,
                     kCount = OptionKind::kCount, kNum = OptionKind::kNumber,
                     kSwitch = OptionKind::kSwitch;

// The optimiser options of one network: `which` is "d" or "g".
template <typename Access>
std::vector<OptionSpec> optimizer_rows(const std::string& which, const std::string& whose, Access opt) {
  const std::string k = "optimizer_" + which + ".", f = "-" + which;
  return {
      choice(row(k + "name", "--optimizer" + f, kMust, kText,
                 [opt](auto& c) -> auto& { return opt(c).name; }, whose + " optimizer"),
             optimizer_names()),
      row(k + "lr", "--lr" + f, kNo, kNum, [opt](auto& c) -> auto& { return opt(c).lr; },
          whose + " learning rate", positive_number()),
      row(k + "beta1", "--beta1" + f, kNo, kNum, [opt](auto& c) -> auto& { return opt(c).beta1; },
          whose + " Adam beta1", fraction()),
      row(k + "beta2", "--beta2" + f, kNo, kNum, [opt](auto& c) -> auto& { return opt(c).beta2; },
          whose + " Adam beta2", fraction()),
      row(k + "alpha", "", kNo, kNum, [opt](auto& c) -> auto& { return opt(c).alpha; },
          whose + " RMSProp smoothing constant", fraction()),
      row(k + "eps", "", kNo, kNum, [opt](auto& c) -> auto& { return opt(c).eps; },
          whose + " optimizer epsilon", positive_number()),
      row(k + "momentum", "", kNo, kNum, [opt](auto& c) -> auto& { return opt(c).momentum; },
          whose + " SGD/RMSProp momentum", non_negative_number()),
      row(k + "weight_decay", "--weight-decay" + f, kNo, kNum,
          [opt](auto& c) -> auto& { return opt(c).weight_decay; }, whose + " L2 weight decay",
          non_negative_number()),
  };
}

OptionSpec clip_row() {
  OptionSpec s;
  s.key = "clip";
  s.flag = "--clip";
  s.help = "weight clipping bound c of the clip constraint, or 'none'";
  s.on_resume = kNo;
  s.kind = OptionKind::kNumberOrNone;
  s.check = [](const json& v) {
    if (v.is_string() && v.get<std::string>() == "none") return std::string();
    if (v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() > 0) return std::string();
    return "expected a positive number or 'none', got '" + value_text(v) + "'";
  };
  s.get = [](const TrainConfig& c) { return c.clip_enabled ? json(c.clip) : json("none"); };
  s.set = [](TrainConfig& c, const json& v) {
    c.clip_enabled = v.is_number();
    if (c.clip_enabled) c.clip = v.get<double>();
  };
  return s;
}

// A number or 'none', its member a std::optional<double>; `check` sees the numbers only.
template <typename Access>
OptionSpec number_or_none(std::string key, std::string flag, OnResume rule, Access access, std::string help,
                          Check check) {
  OptionSpec s;
  s.key = std::move(key);
  s.flag = std::move(flag);
  s.help = std::move(help);
  s.on_resume = rule;
  s.kind = OptionKind::kNumberOrNone;
  s.check = [check](const json& v) {
    if (v.is_string() && v.get<std::string>() == "none") return std::string();
    if (!v.is_number()) return "expected a number or 'none', got '" + value_text(v) + "'";
    return check(v);
  };
  s.get = [access](const TrainConfig& c) {
    const std::optional<double>& value = access(c);
    return value ? json(*value) : json("none");
  };
  s.set = [access](TrainConfig& c, const json& v) {
    std::optional<double>& value = access(c);
    value = v.is_number() ? std::optional<double>(v.get<double>()) : std::nullopt;
  };
  return s;
}

std::vector<OptionSpec> build_table() {
  std::vector<OptionSpec> t = {
      row("preset", "", kNo, kText, FIELD(preset), "the preset the run started from (--preset)"),
      choice(row("dataset", "--dataset", kMust, kText, FIELD(dataset), "data"), dataset_names()),
      choice(row("loss", "--loss", kMust, kText, FIELD(loss),
                 "adversarial loss with its own constraint and the papers' optimiser"),
             loss_names()),
      added_later(choice(row("constraint", "--constraint", kMust, kText, FIELD(constraint),
                             "Lipschitz constraint of the critic (auto: the loss's own)"),
                         with_auto(constraint_names()))),
      row("data", "--data", kMay, kText, FIELD(data_dir), "directory of an image dataset"),
      choice(row("split", "--split", kNo, kText, FIELD(split), "dataset split"), split_names()),
      row("image_size", "--image-size", kMust, kInt, FIELD(image_size),
          "resize images to this size (0: the dataset's own)", non_negative_integer()),
      row("channels", "--channels", kMust, kInt, FIELD(channels),
          "convert images to 1 or 3 channels (0: the dataset's own)", non_negative_integer()),
      row("data_cache", "--data-cache", kMay, kText, FIELD(data_cache),
          "cache of decoded image folders (default: .wgan-cache beside the run)"),
      added_later(row("max_image_pixels", "--max-image-pixels", kMay, kInt, FIELD(max_image_pixels),
                      "image folders: larger images are refused before they are decoded", positive_integer())),
      choice(row("arch", "--arch", kMust, kText, FIELD(arch),
                 "network family (auto: mlp for 2-D data, dcgan for images; custom: a program's own)"),
             [] {
               auto names = with_auto(arch_names());
               names.push_back(kCustomArch);
               return names;
             }()),
      row("ngf", "--ngf", kMust, kInt, FIELD(ngf), "generator width of the image networks", positive_integer()),
      row("ndf", "--ndf", kMust, kInt, FIELD(ndf), "critic width of the image networks", positive_integer()),
      choice(row("norm_g", "--norm-g", kMust, kText, FIELD(norm_g), "generator normalisation"), with_auto(norm_names())),
      choice(row("norm_d", "--norm-d", kMust, kText, FIELD(norm_d), "critic normalisation"), with_auto(norm_names())),
      row("extra_layers", "--extra-layers", kMust, kInt, FIELD(extra_layers),
          "dcgan: extra 3x3 layers in both networks", non_negative_integer()),
      row("allow_bn_critic", "--allow-bn-critic", kNo, kSwitch, FIELD(allow_bn_critic),
          "allow a batch-norm critic under a gradient penalty"),
      added_later(row("augment", "--augment", kNo, kText, FIELD(augment),
                      "images: differentiable augmentation of real and generated batches before the critic, a "
                      "comma-separated list of color, translation, cutout (DiffAugment), or none",
                      augmentation_check())),
      row("sample_every", "--sample-every", kMay, kInt, FIELD(sample_every),
          "iterations between sample grids (images) or critic maps (2-D data); 0: only at the end",
          non_negative_integer()),
      choice(row("grid_normalize", "--grid-normalize", kMay, kText, FIELD(grid_normalize),
                 "grid pixels: range ((x+1)/2), batch or each (min-max, as make_grid(normalize=True))"),
             {"range", "batch", "each"}),
      row("iters", "--iters", kMay, kInt, FIELD(iters),
          "generator iterations (the linear schedule decays to 0 there)", positive_integer()),
      row("batch_size", "--batch-size", kNo, kInt, FIELD(batch_size),
          "samples per batch and rank (0: 256 for 2-D data, 64 for images)", positive_integer()),
      added_later(row("world_size", "", kNo, kInt, FIELD(world_size),
                      "data-parallel ranks (set by --nproc or --world-size)", positive_integer())),
      row("n_critic", "--n-critic", kNo, kInt, FIELD(n_critic), "critic steps per generator step",
          positive_integer()),
      row("critic_warmup", "--critic-warmup", kNo, kSwitch, FIELD(critic_warmup),
          "100 critic steps for the first 25 iterations and every 500th (reference WGAN code)"),
  };
  for (auto& r : optimizer_rows("d", "critic", [](auto& c) -> auto& { return c.optimizer_d; }))
    t.push_back(std::move(r));
  for (auto& r : optimizer_rows("g", "generator", [](auto& c) -> auto& { return c.optimizer_g; }))
    t.push_back(std::move(r));
  std::vector<OptionSpec> rest = {
      choice(row("lr_schedule", "--lr-schedule", kNo, kText, FIELD(lr_schedule), "learning-rate schedule"),
             lr_schedule_names()),
      row("lr_decay", "--lr-decay", kNo, kNum, FIELD(lr_decay),
          "inverse-time decay: lr / (1 + decay * step)", non_negative_number()),
      clip_row(),
      choice(row("clip_scope", "--clip-scope", kNo, kText, FIELD(clip_scope),
                 "clip all critic parameters, or weights only"),
             {"all", "weights"}),
      row("gp_lambda", "--gp-lambda", kNo, kNum, FIELD(gp_lambda), "weight of the gp and lp penalties",
          non_negative_number()),
      added_later(row("r1_gamma", "--r1-gamma", kNo, kNum, FIELD(r1_gamma), "r1: the penalty is (gamma/2) mean(|grad D(real)|^2)",
                      non_negative_number())),
      added_later(row("r1_every", "--r1-every", kNo, kInt, FIELD(r1_every),
                      "r1: every k-th critic step, weighted by k (lazy, as stylegan2-ada's 16)", positive_integer())),
      added_later(row("g_ema", "--g-ema", kMust, kSwitch, FIELD(g_ema),
                      "keep an exponential moving average of the generator's weights (checkpointed)")),
      added_later(row("g_ema_kimg", "--g-ema-kimg", kNo, kNum, FIELD(g_ema_kimg),
                      "generator average: half-life in thousands of images", positive_number())),
      added_later(row("g_ema_rampup", "--g-ema-rampup", kNo, kNum, FIELD(g_ema_rampup),
                      "generator average: half-life at most this times the images seen so far (0: off)",
                      non_negative_number())),
      added_later(number_or_none("g_ema_beta", "--g-ema-beta", kNo, FIELD(g_ema_beta),
                                 "generator average: a fixed beta per generator step instead of the half-life",
                                 fraction())),
      added_later(choice(row("generator", "--generator", kMay, kText, FIELD(generator),
                             "generator of the pictures and evaluations (auto: ema with --g-ema; both: "
                             "also the raw one's metrics, as raw_<key>)"),
                         with_both(sampling_generator_names()))),
      row("nz", "--nz", kMust, kInt, FIELD(nz), "noise dimension (0: 2 for 2-D data, 100 for images)",
          positive_integer()),
      choice(row("noise", "--noise", kNo, kText, FIELD(noise), "noise distribution (uniform: in [-1, 1])"),
             noise_names()),
      row("g_width", "--g-width", kMust, kInt, FIELD(g_width), "generator MLP width", positive_integer()),
      row("g_depth", "--g-depth", kMust, kInt, FIELD(g_depth), "generator MLP hidden layers", non_negative_integer()),
      row("d_width", "--d-width", kMust, kInt, FIELD(d_width), "critic MLP width", positive_integer()),
      row("d_depth", "--d-depth", kMust, kInt, FIELD(d_depth), "critic MLP hidden layers", non_negative_integer()),
      choice(row("activation", "--activation", kMust, kText, FIELD(activation), "MLP activation"),
             activation_names()),
      row("toy_points", "--toy-points", kNo, kInt, FIELD(toy_points),
          "fixed toy training set size (0: fresh samples per batch)", non_negative_integer()),
      added_later(row("features", "--features", kMay, kText, FIELD(features),
                      "feature network for FID/KID of images (TorchScript: wgan classifier train, or Inception)")),
      row("seed", "--seed", kNo, kCount, FIELD(seed), "random seed (an integer >= 0)"),
      row("threads", "--threads", kMay, kInt, FIELD(threads), "CPU threads (0: all cores)", non_negative_integer()),
      added_later(switch_off(row("share_cores", "--no-share-cores", kMay, kSwitch, FIELD(share_cores),
                                 "keep --threads when other processes are busy (default: fewer threads, "
                                 "down to 1, while they are; docs/performance.md)"))),
      row("device", "--device", kNo, kText, FIELD(device), "cpu, cuda, cuda:N or auto", device_name()),
      row("log_every", "--log-every", kMay, kInt, FIELD(log_every), "iterations between metrics.jsonl records",
          positive_integer()),
      added_later(switch_off(row("tensorboard", "--no-tensorboard", kMay, kSwitch, FIELD(tensorboard),
                                 "write no TensorBoard event files (docs/tensorboard.md)"))),
      added_later(row("histogram_every", "--histogram-every", kMay, kInt, FIELD(histogram_every),
                      "iterations between TensorBoard histograms of the weights (0: none)",
                      non_negative_integer())),
      row("print_every", "--print-every", kMay, kInt, FIELD(print_every), "iterations between console lines",
          positive_integer()),
      row("eval_every", "--eval-every", kMay, kInt, FIELD(eval_every),
          "iterations between evaluations (0: only at the end)", non_negative_integer()),
      row("eval_samples", "--eval-samples", kMay, kInt, FIELD(eval_samples), "generated samples per evaluation",
          positive_integer()),
      row("checkpoint_every", "--checkpoint-every", kMay, kInt, FIELD(checkpoint_every),
          "iterations between checkpoints (0: only the final one)", non_negative_integer()),
      row("keep_checkpoints", "--keep-checkpoints", kMay, kInt, FIELD(keep_checkpoints),
          "periodic checkpoints kept (the newest)", positive_integer()),
      choice(row("on_nan", "--on-nan", kMay, kText, FIELD(on_nan), "on a non-finite loss or gradient"),
             on_nan_names()),
      row("quiet", "--quiet", kMay, kSwitch, FIELD(quiet), "print only the start and the summary"),
      added_later(row("force", "--force", kMay, kSwitch, FIELD(force),
                      "start even when a training step's estimated memory exceeds what is available")),
      added_later(switch_off(row("fast_paths", "--no-fast-paths", kNo, kSwitch, FIELD(fast_paths),
                                 "the straightforward computation, for comparison (docs/performance.md)"))),
      added_later(choice(row("precision", "--precision", kNo, kText, FIELD(precision),
                             "bf16: autocast the networks' products to bfloat16 (CPUs with AVX-512 "
                             "BF16/AMX, GPUs)"),
                         precision_names())),
  };
  for (auto& r : rest) t.push_back(std::move(r));
  return t;
}

#undef FIELD

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
  static const std::vector<OptionSpec> table = build_table();
  return table;
}

const std::vector<SharedFlag>& shared_flags() {
  static const std::vector<SharedFlag> flags = {
      {"--norm", {"norm_d", "norm_g"}, "normalisation of both networks"},
      {"--optimizer", {"optimizer_d.name", "optimizer_g.name"}, "optimizer of both networks"},
      {"--lr", {"optimizer_d.lr", "optimizer_g.lr"}, "learning rate of both networks"},
      {"--beta1", {"optimizer_d.beta1", "optimizer_g.beta1"}, "Adam beta1 of both networks"},
      {"--beta2", {"optimizer_d.beta2", "optimizer_g.beta2"}, "Adam beta2 of both networks"},
      {"--weight-decay", {"optimizer_d.weight_decay", "optimizer_g.weight_decay"},
       "L2 weight decay of both networks"},
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
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
          return fail("an integer >= 0");
        return json(static_cast<uint64_t>(std::stoull(text)));
      }
      case OptionKind::kNumber: {
        const double v = std::stod(text, &used);
        return used == text.size() ? json(v) : fail("a number");
      }
      case OptionKind::kNumberOrNone: {
        if (text == "none") return "none";
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
      throw UsageError("configuration: '" + s.key + "' has the wrong type (" +
                       std::string(j.at(at).type_name()) + "): " + j.at(at).dump());
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
  throw flag_error(key,
                   "cannot be given with --resume (" + why + key + " = " + value_text(stored) +
                       "); start a new run to change it",
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
    md += "| " + flag + " | `" + s.key + "` | `" + value_text(s.get(defaults)) + "` | " + meaning +
          " | " + describe(s.on_resume) + " |\n";
  }
  return md;
}

}  // namespace wgan

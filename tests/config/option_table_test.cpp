// The option table is the one declaration of every training option: config.json, validation,
// the command line, the resume rule and the docs all come from it. These tests hold each of
// those to the table, over every row, so that a new option is covered when it is declared.
#include "wgan/config/option_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "../test_util.h"
#include "wgan/config/presets.h"

namespace wgan {
namespace {

using json = nlohmann::json;

json::json_pointer pointer(const std::string& key) {
  std::string path = "/" + key;
  for (char& ch : path)
    if (ch == '.') ch = '/';
  return json::json_pointer(path);
}

// config.json as a person would write it: every key by hand, values chosen to differ from the
// defaults where they can.
const char* kHandWritten = R"({
  "preset": "", "dataset": "gaussians8", "loss": "gan", "constraint": "gp", "arch": "mlp",
  "iters": 1234, "batch_size": 96, "world_size": 2, "global_batch_size": 192, "n_critic": 3,
  "critic_warmup": true,
  "optimizer_d": {"name": "sgd", "lr": 0.003, "beta1": 0.25, "beta2": 0.75, "alpha": 0.95,
                  "eps": 1e-6, "momentum": 0.5, "weight_decay": 0.001},
  "optimizer_g": {"name": "rmsprop", "lr": 0.002, "beta1": 0.3, "beta2": 0.8, "alpha": 0.9,
                  "eps": 1e-7, "momentum": 0.1, "weight_decay": 0.0},
  "lr_schedule": "inverse-time", "lr_decay": 0.01, "clip": "none", "clip_scope": "weights",
  "gp_lambda": 2.5, "r1_gamma": 0.5, "r1_every": 16,
  "g_ema": true, "g_ema_kimg": 2.5, "g_ema_rampup": 0.0, "g_ema_beta": 0.999, "generator": "both", "nz": 7, "noise": "uniform", "g_width": 33, "g_depth": 2, "d_width": 44,
  "d_depth": 4, "activation": "elu", "toy_points": 5000, "data": "/data/x", "split": "test",
  "image_size": 0, "channels": 0, "data_cache": "/cache", "max_image_pixels": 1000, "features": "", "ngf": 16, "ndf": 24,
  "norm_g": "none", "norm_d": "none", "extra_layers": 1, "allow_bn_critic": true, "augment": "cutout,color",
  "sample_every": 50, "grid_normalize": "each", "seed": 18446744073709551615, "threads": 3,
  "share_cores": false, "device": "cpu", "log_every": 7, "tensorboard": false, "histogram_every": 0, "print_every": 70, "eval_every": 0, "eval_samples": 321,
  "checkpoint_every": 0, "keep_checkpoints": 9, "on_nan": "skip", "quiet": true, "force": true,
  "fast_paths": false, "precision": "bf16"
})";

TEST(OptionTable, HandWrittenConfigJsonReadsBackIntoTheExpectedOptions) {
  const TrainConfig c = options_from_json(json::parse(kHandWritten));
  EXPECT_EQ(c.dataset, "gaussians8");
  EXPECT_EQ(c.loss, "gan");
  EXPECT_EQ(c.constraint, "gp");
  EXPECT_EQ(c.iters, 1234);
  EXPECT_EQ(c.batch_size, 96);
  EXPECT_EQ(c.world_size, 2);
  EXPECT_TRUE(c.g_ema);
  EXPECT_DOUBLE_EQ(c.g_ema_kimg, 2.5);
  EXPECT_EQ(c.g_ema_beta, std::optional<double>(0.999));
  EXPECT_TRUE(c.critic_warmup);
  EXPECT_EQ(c.optimizer_d.name, OptimizerKind::kSgd);
  EXPECT_DOUBLE_EQ(c.optimizer_d.lr, 0.003);
  EXPECT_DOUBLE_EQ(c.optimizer_d.momentum, 0.5);
  EXPECT_EQ(c.optimizer_g.name, OptimizerKind::kRmsprop);
  EXPECT_DOUBLE_EQ(c.optimizer_g.alpha, 0.9);
  EXPECT_FALSE(c.clip);
  EXPECT_EQ(c.clip_scope, ClipScope::kWeights);
  EXPECT_DOUBLE_EQ(c.gp_lambda, 2.5);
  EXPECT_EQ(c.nz, 7);
  EXPECT_EQ(c.activation, Activation::kELU);
  EXPECT_EQ(c.data_dir, "/data/x");
  EXPECT_EQ(c.seed, 18446744073709551615ULL);
  EXPECT_EQ(c.eval_samples, 321);
  EXPECT_EQ(c.on_nan, OnNan::kSkip);
  EXPECT_FALSE(c.fast_paths);
  EXPECT_EQ(c.precision, Precision::kBf16);
  EXPECT_FALSE(c.tensorboard);
  EXPECT_FALSE(c.share_cores);
  EXPECT_EQ(c.histogram_every, 0);
  // Written back, it is the same document: no key lost, none invented, no value changed.
  EXPECT_EQ(options_to_json(c), json::parse(kHandWritten));
}

TEST(OptionTable, EveryDeclaredOptionIsInConfigJson) {
  const json written = options_to_json(TrainConfig());
  for (const OptionSpec& spec : option_table()) EXPECT_TRUE(written.contains(pointer(spec.key))) << spec.key;
  // ... and the hand-written file above names every one of them.
  const json hand = json::parse(kHandWritten);
  for (const OptionSpec& spec : option_table()) EXPECT_TRUE(hand.contains(pointer(spec.key))) << spec.key;
}

TEST(OptionTable, AMissingOrMistypedKeyIsNamed) {
  json j = json::parse(kHandWritten);
  j.erase("nz");
  EXPECT_NE(test::usage_error_message([&] { options_from_json(j); }).find("'nz'"), std::string::npos);
  j = json::parse(kHandWritten);
  j["optimizer_d"]["lr"] = "fast";
  EXPECT_NE(test::usage_error_message([&] { options_from_json(j); }).find("optimizer_d.lr"), std::string::npos);
  j = json::parse(kHandWritten);
  j["global_batch_size"] = 100;
  EXPECT_NE(test::usage_error_message([&] { options_from_json(j); }).find("global_batch_size"), std::string::npos);
  // Options added after a file was written keep their defaults when it lacks them.
  j = json::parse(kHandWritten);
  for (const char* later :
       {"constraint", "world_size", "fast_paths", "precision", "features", "tensorboard", "histogram_every"})
    j.erase(later);
  j.erase("global_batch_size");
  const TrainConfig old = options_from_json(j);
  EXPECT_EQ(old.constraint, "auto");
  EXPECT_EQ(old.world_size, 1);
}

TEST(OptionTable, KeysAndFlagsAreUnique) {
  std::set<std::string> keys, flags;
  for (const OptionSpec& spec : option_table()) {
    EXPECT_TRUE(keys.insert(spec.key).second) << spec.key;
    if (!spec.flag.empty()) EXPECT_TRUE(flags.insert(spec.flag).second) << spec.flag;
  }
  for (const SharedFlag& shared : shared_flags()) {
    EXPECT_TRUE(flags.insert(shared.flag).second) << shared.flag;
    for (const auto& key : shared.keys) EXPECT_NO_THROW(option_spec(key)) << key;
  }
}

// A valid value different from `current`, for the resume test.
json another_value(const OptionSpec& spec, const json& current) {
  if (!spec.choices.empty())
    for (const auto& choice : spec.choices)
      if (json(choice) != current) return choice;
  switch (spec.kind) {
    case OptionKind::kSwitch: return !current.get<bool>();
    case OptionKind::kNumberOrNone: return current.is_number() ? json(current.get<double>() * 2) : json(0.05);
    case OptionKind::kCount: return current.get<uint64_t>() + 1;
    case OptionKind::kInteger: return current.get<int64_t>() + 1;
    case OptionKind::kNumber: return current.get<double>() == 0 ? 0.5 : current.get<double>() / 2;
    case OptionKind::kText: return current.get<std::string>() + "-other";
  }
  return current;
}

class ResumeRule : public ::testing::TestWithParam<size_t> {};

// Every option: the same value given again is always accepted; a different one is taken when
// the option may change on resume, and refused (the stored value kept) otherwise.
TEST_P(ResumeRule, IsTheDeclaredOne) {
  const OptionSpec& spec = option_table()[GetParam()];
  TrainConfig stored;
  resolve_automatic_choices(stored);
  const json before = spec.get(stored);
  TrainConfig same = stored;
  EXPECT_NO_THROW(change_on_resume(same, spec.key, before));
  EXPECT_EQ(options_to_json(same), options_to_json(stored));

  const json changed = another_value(spec, before);
  ASSERT_NE(changed, before);
  TrainConfig resumed = stored;
  if (spec.on_resume == OnResume::kMayChange) {
    EXPECT_NO_THROW(change_on_resume(resumed, spec.key, changed));
    EXPECT_EQ(spec.get(resumed), changed);
  } else {
    const std::string message = test::usage_error_message([&] { change_on_resume(resumed, spec.key, changed); });
    EXPECT_NE(message.find("cannot be given with --resume"), std::string::npos) << message;
    EXPECT_EQ(spec.get(resumed), before);
  }
  // The checkpoint reader's structural check agrees with the table.
  TrainConfig other = stored;
  spec.set(other, changed);
  EXPECT_EQ(first_difference(stored, other, OnResume::kMustMatch).empty(), spec.on_resume != OnResume::kMustMatch);
}

INSTANTIATE_TEST_SUITE_P(EveryOption, ResumeRule, ::testing::Range<size_t>(0, option_table().size()),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return test::param_name(option_table()[info.param].key);
                         });

TEST(OptionTable, EveryCheckRefusesWhatItMust) {
  TrainConfig c;
  resolve_automatic_choices(c);
  EXPECT_NO_THROW(check_each_option(c));
  const std::pair<const char*, json> bad[] = {
      {"iters", 0},        {"optimizer_g.lr", std::nan("")}, {"optimizer_d.lr", INFINITY},
      {"gp_lambda", -1.0}, {"optimizer_d.beta1", 1.0},       {"noise", "cauchy"},
      {"device", "tpu"},   {"lr_decay", INFINITY},           {"clip", -0.5}};
  for (const auto& [bad_key, bad_value] : bad) {
    const std::string key = bad_key;
    const json value = bad_value;
    TrainConfig broken = c;
    // A typed choice refuses a name it does not have as it is set; the others when checked.
    const std::string message = test::usage_error_message([&] {
      option_spec(key).set(broken, value);
      check_each_option(broken);
    });
    EXPECT_NE(message.find(flag_of(key)), std::string::npos) << key << ": " << message;
  }
}

TEST(OptionTable, DocsTableIsTheDeclaration) {
  EXPECT_EQ(test::docs_block("training.md", "options"), options_markdown())
      << "regenerate with: bash scripts/update-docs-tables.sh";
}

TEST(Presets, DocsTableIsTheDeclaration) {
  EXPECT_EQ(test::docs_block("training.md", "presets"), presets_markdown())
      << "regenerate with: bash scripts/update-docs-tables.sh";
}

}  // namespace
}  // namespace wgan

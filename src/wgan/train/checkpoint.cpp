#include "wgan/train/checkpoint.h"

#include <torch/optim/optimizer.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/hash.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'W', 'G', 'A', 'N', 'C', 'K', 'P', '1'};
constexpr size_t kTrailer = 16;

// Keys of config.json that describe what is trained; the rest (intervals, threads, the
// iteration target) may differ between a checkpoint and the run resuming it.
const std::vector<std::string>& structural_keys() {
  static const std::vector<std::string> keys = {
      "dataset", "loss",     "arch",       "nz",  "g_width", "g_depth",      "d_width",
      "d_depth", "activation", "image_size", "channels", "ngf", "ndf", "norm_g", "norm_d",
      "extra_layers"};
  return keys;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

std::string final_checkpoint_path(const std::string& run_dir) {
  return (fs::path(run_dir) / "checkpoints" / "final.pt").string();
}

std::string checkpoint_path(const std::string& run_dir, int64_t iteration) {
  char name[32];
  std::snprintf(name, sizeof name, "ckpt-%08lld.pt", static_cast<long long>(iteration));
  return (fs::path(run_dir) / "checkpoints" / name).string();
}

std::vector<std::string> list_checkpoints(const std::string& run_dir) {
  std::vector<std::string> found;
  std::error_code ec;
  const fs::path dir = fs::path(run_dir) / "checkpoints";
  if (!fs::is_directory(dir, ec)) return found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("ckpt-", 0) == 0 && entry.path().extension() == ".pt")
      found.push_back(entry.path().string());
  }
  std::sort(found.begin(), found.end());  // zero-padded iteration numbers sort in order
  return found;
}

std::string latest_checkpoint(const std::string& run_dir) {
  if (fs::exists(final_checkpoint_path(run_dir))) return final_checkpoint_path(run_dir);
  auto all = list_checkpoints(run_dir);
  return all.empty() ? "" : all.back();
}

void prune_checkpoints(const std::string& run_dir, int64_t keep) {
  auto all = list_checkpoints(run_dir);
  for (size_t i = 0; i + static_cast<size_t>(std::max<int64_t>(keep, 1)) < all.size(); ++i) {
    std::error_code ignored;
    fs::remove(all[i], ignored);
  }
}

void save_checkpoint(const std::string& path, const CheckpointState& s) {
  torch::serialize::OutputArchive archive, generator, critic, counters;
  s.networks.generator->save(generator);
  s.networks.critic->save(critic);
  archive.write("generator", generator);
  archive.write("critic", critic);
  if (s.optimizer_d && s.optimizer_g) {
    torch::serialize::OutputArchive optimizer_d, optimizer_g;
    s.optimizer_d->save(optimizer_d);
    s.optimizer_g->save(optimizer_g);
    archive.write("optimizer_d", optimizer_d);
    archive.write("optimizer_g", optimizer_g);
  }
  archive.write("config", c10::IValue(to_json(s.config).dump()));
  counters.write("iteration", c10::IValue(s.counters.iteration));
  counters.write("real_batches_drawn", c10::IValue(s.counters.real_batches_drawn));
  counters.write("steps_d", c10::IValue(s.counters.steps_d));
  counters.write("steps_g", c10::IValue(s.counters.steps_g));
  counters.write("skipped_steps", c10::IValue(s.counters.skipped_steps));
  archive.write("counters", counters);
  archive.write("elapsed_s", c10::IValue(s.elapsed_s));

  std::ostringstream bytes;
  archive.save_to(bytes);
  std::string data = bytes.str();
  const uint64_t hash = fnv1a64(data.data(), data.size());
  data.append(reinterpret_cast<const char*>(&hash), sizeof hash);
  data.append(kMagic, sizeof kMagic);

  fs::create_directories(fs::path(path).parent_path());
  write_atomically(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) throw RunError("cannot write checkpoint " + tmp);
  });
}

void load_checkpoint_into(const std::string& path, CheckpointState& s, c10::Device device) {
  if (!fs::exists(path)) throw UsageError("checkpoint " + path + ": no such file");
  std::string data;
  try {
    data = read_text_file(path);
  } catch (const std::exception& e) {
    throw UsageError("checkpoint " + path + ": cannot read it (" + e.what() + ")");
  }
  if (data.size() < kTrailer || std::memcmp(data.data() + data.size() - 8, kMagic, 8) != 0)
    throw UsageError("checkpoint " + path +
                     ": not a wgan checkpoint, or truncated (no WGANCKP1 trailer)");
  uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - kTrailer, sizeof stored);
  const size_t size = data.size() - kTrailer;
  if (fnv1a64(data.data(), size) != stored)
    throw UsageError("checkpoint " + path + ": corrupted (checksum mismatch)");

  try {
    torch::serialize::InputArchive archive;
    archive.load_from(data.data(), size, device);
    c10::IValue config_text;
    archive.read("config", config_text);
    TrainConfig stored_config = config_from_json(nlohmann::json::parse(config_text.toStringRef()));
    if (s.networks.generator) {
      const auto want = to_json(s.config), have = to_json(stored_config);
      for (const auto& key : structural_keys())
        if (want[key] != have[key])
          throw UsageError("checkpoint " + path + ": it holds " + key + " = " + have[key].dump() +
                           ", this run has " + want[key].dump());
    } else {
      s.config = stored_config;
      s.networks = make_networks(stored_config);
    }
    torch::serialize::InputArchive generator, critic, counters;
    archive.read("generator", generator);
    archive.read("critic", critic);
    s.networks.generator->load(generator);
    s.networks.critic->load(critic);
    if (s.optimizer_d && s.optimizer_g) {
      torch::serialize::InputArchive optimizer_d, optimizer_g;
      archive.read("optimizer_d", optimizer_d);
      archive.read("optimizer_g", optimizer_g);
      s.optimizer_d->load(optimizer_d);
      s.optimizer_g->load(optimizer_g);
    }
    archive.read("counters", counters);
    c10::IValue value;
    counters.read("iteration", value);
    s.counters.iteration = value.toInt();
    counters.read("real_batches_drawn", value);
    s.counters.real_batches_drawn = value.toInt();
    counters.read("steps_d", value);
    s.counters.steps_d = value.toInt();
    counters.read("steps_g", value);
    s.counters.steps_g = value.toInt();
    counters.read("skipped_steps", value);
    s.counters.skipped_steps = value.toInt();
    archive.read("elapsed_s", value);
    s.elapsed_s = value.toDouble();
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    throw UsageError("checkpoint " + path + ": cannot load it (" + first_line(e.what()) + ")");
  }
}

CheckpointState load_checkpoint(const std::string& path) {
  CheckpointState state;
  load_checkpoint_into(path, state);
  return state;
}

}  // namespace wgan

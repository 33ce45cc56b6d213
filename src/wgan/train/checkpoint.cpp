#include "wgan/train/checkpoint.h"

#include <unistd.h>

#include <torch/optim/optimizer.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "wgan/config/option_table.h"
#include "wgan/core/atomic_file.h"
#include "wgan/core/crash_isolation.h"
#include "wgan/core/error.h"
#include "wgan/core/hash.h"
#include "wgan/core/run_layout.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'W', 'G', 'A', 'N', 'C', 'K', 'P', '1'};

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

std::string final_checkpoint_path(const std::string& run_dir) {
  return RunLayout(run_dir) / RunLayout::kFinalCheckpoint;
}

std::string checkpoint_path(const std::string& run_dir, int64_t iteration) {
  return RunLayout(run_dir) / (std::string(RunLayout::kCheckpoints) + "/" + RunLayout::checkpoint_name(iteration));
}

std::vector<std::string> list_checkpoints(const std::string& run_dir) {
  std::vector<std::string> found;
  std::error_code ec;
  const fs::path dir = RunLayout(run_dir) / RunLayout::kCheckpoints;
  if (!fs::is_directory(dir, ec)) return found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(RunLayout::kCheckpointPrefix, 0) == 0 && entry.path().extension() == ".pt")
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
  std::error_code ignored;
  for (size_t i = 0; i + static_cast<size_t>(std::max<int64_t>(keep, 1)) < all.size(); ++i) fs::remove(all[i], ignored);
  // Temporary files of writes a kill interrupted (".ckpt-N.pt.tmp-PID"): the run directory has
  // one owner, so any not of this process is stale.
  const std::string mine = ".tmp-" + std::to_string(::getpid());
  for (const auto& entry : fs::directory_iterator(RunLayout(run_dir) / RunLayout::kCheckpoints, ignored)) {
    const std::string name = entry.path().filename().string();
    if (name.front() == '.' && name.find(".tmp-") != std::string::npos && name.find(mine) == std::string::npos)
      fs::remove(entry.path(), ignored);
  }
}

void save_checkpoint(const std::string& path, const CheckpointState& s) {
  torch::serialize::OutputArchive archive, generator, critic, counters;
  s.networks.generator->save(generator);
  s.networks.critic->save(critic);
  archive.write("generator", generator);
  archive.write("critic", critic);
  if (s.networks.averaged_generator) {
    torch::serialize::OutputArchive averaged;
    s.networks.averaged_generator->save(averaged);
    archive.write("generator_ema", averaged);
  }
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
  fs::create_directories(fs::path(path).parent_path());
  write_bytes_atomically(path, seal_checkpoint(bytes.str()));
}

std::string seal_checkpoint(std::string archive) {
  const uint64_t hash = fnv1a64(archive.data(), archive.size());
  archive.append(reinterpret_cast<const char*>(&hash), sizeof hash);
  archive.append(kMagic, sizeof kMagic);
  return archive;
}

namespace {

// The file's bytes with the trailer checked; UsageError naming the file otherwise.
std::string verified_bytes(const std::string& path) {
  if (!fs::exists(path)) throw UsageError("checkpoint " + path + ": no such file");
  std::string data;
  try {
    data = read_text_file(path);
  } catch (const std::exception& e) {
    throw UsageError("checkpoint " + path + ": cannot read it (" + e.what() + ")");
  }
  if (data.size() < kCheckpointTrailerBytes || std::memcmp(data.data() + data.size() - 8, kMagic, 8) != 0)
    throw UsageError("checkpoint " + path + ": not a wgan checkpoint, or truncated (no WGANCKP1 trailer)");
  uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - kCheckpointTrailerBytes, sizeof stored);
  data.resize(data.size() - kCheckpointTrailerBytes);
  if (fnv1a64(data.data(), data.size()) != stored)
    throw UsageError("checkpoint " + path + ": corrupted (checksum mismatch)");
  return data;
}

// Runs `read` on the checkpoint's archive; any failure is a UsageError naming the file.
template <typename Read>
void read_archive(const std::string& path, c10::Device device, Read&& read) {
  const std::string data = verified_bytes(path);
  try {
    // The archive LibTorch's writer makes of it in a child process: a crafted file that
    // crashes LibTorch's reader (sometimes) does so there, once.
    const std::string archive_bytes = resaved_torchscript(data);
    torch::serialize::InputArchive archive;
    archive.load_from(archive_bytes.data(), archive_bytes.size(), device);
    read(archive);
  } catch (const UsageError&) {
    throw;
  } catch (const ReaderCrashed& e) {
    throw UsageError("checkpoint " + path + ": " + e.what() + "; expected a checkpoint written by wgan");
  } catch (const std::exception& e) {
    const std::string reason = first_line(e.what());
    throw UsageError("checkpoint " + path + ": cannot load it (" +
                     (reason.empty() ? std::string("LibTorch's reader refused it without a reason") : reason) +
                     "); expected a checkpoint written by wgan");
  }
}

CheckpointHeader read_header(torch::serialize::InputArchive& archive) {
  CheckpointHeader h;
  c10::IValue value;
  archive.read("config", value);
  h.config = config_from_json_text(value.toStringRef());
  torch::serialize::InputArchive counters;
  archive.read("counters", counters);
  const std::pair<const char*, int64_t*> fields[] = {{"iteration", &h.counters.iteration},
                                                     {"real_batches_drawn", &h.counters.real_batches_drawn},
                                                     {"steps_d", &h.counters.steps_d},
                                                     {"steps_g", &h.counters.steps_g},
                                                     {"skipped_steps", &h.counters.skipped_steps}};
  for (const auto& [name, field] : fields) {
    counters.read(name, value);
    *field = value.toInt();
  }
  archive.read("elapsed_s", value);
  h.elapsed_s = value.toDouble();
  return h;
}

}  // namespace

CheckpointHeader read_checkpoint_header(const std::string& path) {
  CheckpointHeader header;
  read_archive(path, c10::Device(c10::kCPU),
               [&](torch::serialize::InputArchive& archive) { header = read_header(archive); });
  return header;
}

void load_checkpoint_into(const std::string& path, CheckpointState& s, c10::Device device) {
  read_archive(path, device, [&](torch::serialize::InputArchive& archive) {
    const CheckpointHeader header = read_header(archive);
    if (s.networks.generator) {
      const std::string key = first_difference(s.config, header.config, OnResume::kMustMatch);
      if (!key.empty()) {
        const OptionSpec& spec = option_spec(key);
        throw UsageError("checkpoint " + path + ": it holds " + key + " = " + spec.get(header.config).dump() +
                         ", this run has " + spec.get(s.config).dump());
      }
    } else {
      s.config = header.config;
      s.networks = make_networks(header.config);
    }
    torch::serialize::InputArchive generator, critic;
    archive.read("generator", generator);
    archive.read("critic", critic);
    s.networks.generator->load(generator);
    s.networks.critic->load(critic);
    if (s.networks.averaged_generator) {
      torch::serialize::InputArchive averaged;
      archive.read("generator_ema", averaged);
      s.networks.averaged_generator->load(averaged);
    }
    if (s.optimizer_d && s.optimizer_g) {
      torch::serialize::InputArchive optimizer_d, optimizer_g;
      archive.read("optimizer_d", optimizer_d);
      archive.read("optimizer_g", optimizer_g);
      s.optimizer_d->load(optimizer_d);
      s.optimizer_g->load(optimizer_g);
    }
    s.counters = header.counters;
    s.elapsed_s = header.elapsed_s;
  });
}

CheckpointState load_checkpoint(const std::string& path) {
  CheckpointState state;
  load_checkpoint_into(path, state);
  return state;
}

}  // namespace wgan

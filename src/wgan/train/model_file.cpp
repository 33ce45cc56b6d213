#include "wgan/train/model_file.h"

#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <filesystem>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"

namespace wgan {

std::string final_model_path(const std::string& run_dir) {
  return (std::filesystem::path(run_dir) / "checkpoints" / "final.pt").string();
}

void save_model(const std::string& path, const TrainConfig& config, const NetworkPair& networks,
                int64_t iteration) {
  torch::serialize::OutputArchive archive;
  torch::serialize::OutputArchive generator, critic;
  networks.generator->save(generator);
  networks.critic->save(critic);
  archive.write("generator", generator);
  archive.write("critic", critic);
  archive.write("config", c10::IValue(to_json(config).dump()));
  archive.write("iteration", c10::IValue(iteration));
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  write_atomically(path, [&](const std::string& tmp) { archive.save_to(tmp); });
}

LoadedModel load_model(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw UsageError("no model file at " + path + " (has the run finished?)");
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(path, torch::kCPU);
    c10::IValue config_text, iteration;
    archive.read("config", config_text);
    archive.read("iteration", iteration);
    LoadedModel model;
    model.config = config_from_json(nlohmann::json::parse(config_text.toStringRef()));
    model.iteration = iteration.toInt();
    model.networks = make_networks(model.config);
    torch::serialize::InputArchive generator, critic;
    archive.read("generator", generator);
    archive.read("critic", critic);
    model.networks.generator->load(generator);
    model.networks.critic->load(critic);
    return model;
  } catch (const UsageError&) {
    throw;
  } catch (const std::exception& e) {
    std::string what = e.what();
    throw UsageError("cannot load model " + path + ": " + what.substr(0, what.find('\n')));
  }
}

}  // namespace wgan

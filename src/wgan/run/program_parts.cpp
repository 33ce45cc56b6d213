#include "wgan/run/program_parts.h"

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/core/random.h"
#include "wgan/train/generator_average.h"
#include "wgan/train/networks.h"

namespace wgan {

void check_parts(const TrainConfig& config, const RunParts& parts) {
  if (!parts.make_generator != !parts.make_critic)
    throw UsageError("RunParts: make_generator and make_critic come together (both or neither)");
  if (parts.data && !is_custom_dataset(config.dataset))
    throw UsageError("RunParts::data is the program's own data: expected dataset " + std::string(kCustomDataset) +
                     ", got " + config.dataset + " (prepare the configuration with with_parts)");
  if (!parts.data && is_custom_dataset(config.dataset))
    throw UsageError("dataset custom needs the program's data: RunParts::data is empty");
  if (parts.make_generator && config.arch != kCustomArch)
    throw UsageError("RunParts::make_generator makes the program's own networks: expected arch " +
                     std::string(kCustomArch) + ", got " + config.arch +
                     " (prepare the configuration with with_parts)");
  if (parts.make_generator && constraint_entry(config.constraint).spectral_norm)
    throw UsageError(
        "--constraint sn normalises the library's critics; a program's own critic brings its own "
        "normalisation: expected another constraint (" +
        join(constraint_names()) + ")");
}

// The program's networks, their initial weights drawn from the run's seed as the library's are.
NetworkPair program_networks(const TrainConfig& config, const RunParts& parts) {
  if (!parts.make_generator) return make_networks(config);
  torch::manual_seed(derive_seed(config.seed, Stream::kInit));
  NetworkPair networks{parts.make_generator(), parts.make_critic(), nullptr};
  if (!networks.generator || !networks.critic)
    throw UsageError("RunParts: make_generator and make_critic returned no network");
  if (config.g_ema) {
    networks.averaged_generator = parts.make_generator();
    update_average(*networks.averaged_generator, *networks.generator, 0.0);  // a copy
  }
  return networks;
}

// What the networks must make and read: the data's samples, or the configured dataset's. A
// program's generator is tried on two rows of noise, so that a mismatch is one line now rather
// than LibTorch's shape error inside the first critic step.
std::vector<int64_t> run_sample_shape(const TrainConfig& config, const RunParts& parts, NetworkImpl& generator) {
  if (!parts.data && !parts.make_generator) return sample_shape(config);
  const std::vector<int64_t> shape = parts.data ? parts.data->sample_shape() : sample_shape(config);
  const auto str = [](const std::vector<int64_t>& v) { return c10::str(c10::IntArrayRef(v)); };
  if (!parts.make_generator) {  // the library's networks, built from the configuration
    const std::vector<int64_t> built = sample_shape(config);
    if (shape != built)
      throw UsageError("RunParts::data has samples of shape " + str(shape) + ", the library's " + config.arch +
                       " networks make " + str(built) +
                       ": expected 2-D points or square images, or the program's "
                       "own networks");
    return shape;
  }
  const auto made = forward_in_eval_mode(generator, torch::zeros({2, config.nz}), torch::kCPU).sizes().vec();
  const std::vector<int64_t> made_shape(made.begin() + std::min<size_t>(1, made.size()), made.end());
  if (made_shape != shape)
    throw UsageError("RunParts::make_generator's network makes samples of shape " + str(made_shape) +
                     " from noise [2, " + std::to_string(config.nz) + "] (config.nz); the data's samples are " +
                     str(shape) + ": expected the same shape");
  return shape;
}

}  // namespace wgan

// A TorchScript feature network for FID/KID: loaded and checked (forward, its attributes and
// methods), as `--features FILE` does before training starts.
#include <torch/torch.h>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/config/config.h"
#include "wgan/core/atomic_file.h"
#include "wgan/eval/feature_network.h"
#include "wgan/nets/torchscript_export.h"
#include "wgan/train/networks.h"

namespace wgan::fuzz {

void read_feature_network(std::string_view input) { FeatureNetwork network(write_scratch("features.pt", input)); }

void write_feature_network_seeds(const std::string& dir) {
  // An exported generator is a TorchScript module with forward() and attributes, the nearest
  // valid input the product writes itself.
  TrainConfig config;
  config.g_width = config.d_width = 4;
  config.g_depth = config.d_depth = 1;
  resolve_automatic_choices(config);
  const NetworkPair networks = make_networks(config);
  const std::string path = scratch_dir() + "/seed.pt";
  export_generator(*networks.generator, ExportInfo{config.nz, name_of(config.noise), sample_shape(config)}, path);
  write_file(dir, "exported_mlp", read_text_file(path));
}

}  // namespace wgan::fuzz

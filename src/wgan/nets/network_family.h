// The network families as a registry: one row says everything wgan knows about a family — its
// name, the image sizes it takes, its default normalisation, its builder, whether --arch auto
// may pick it — and everything that lists or branches on a family reads the row. Adding a
// family is adding a row (docs/development.md, "Adding a network family").
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "wgan/nets/image_networks.h"

namespace wgan {

struct NetworkFamily {
  std::string name;
  std::string origin;  // where its layers come from, for the docs' table
  // Why images of this size cannot be taken ("" when they can); the size is > 0.
  std::function<std::string(int64_t size)> size_problem;
  std::string sizes;  // the size rule in words, for the docs' table
  // Generator and critic for images, initialised as the family is.
  std::function<NetworkPair(const ImageNetOptions&)> build;
  bool takes_points = false;  // 2-D data too (the MLPs)
  // --arch auto for images takes the first row with this set whose size rule allows the size.
  bool automatic = false;
  // Default normalisation (--norm-g/--norm-d auto); a critic under a per-sample penalty (gp,
  // lp, r1) takes norm_d_per_sample, since batch norm mixes the samples a penalty separates.
  Norm norm_g = Norm::kNone, norm_d = Norm::kNone, norm_d_per_sample = Norm::kNone;
};

// The rows, in the order --arch auto tries them.
const std::vector<NetworkFamily>& network_families();
std::vector<std::string> network_family_names();
// The row of `name`, or null.
const NetworkFamily* find_network_family(const std::string& name);
// The row of `name`; OptionError naming --arch and the families otherwise.
const NetworkFamily& network_family(const std::string& name);
// The family --arch auto picks for images of this size.
const NetworkFamily& automatic_image_family(int64_t image_size);

// Why `arch` cannot take images of this size, or "" when it can (OptionError for an unknown arch).
std::string image_size_problem(const std::string& arch, int64_t image_size);
// The family's image networks; OptionError for an unknown arch or a size it cannot take.
NetworkPair make_image_networks(const std::string& arch, const ImageNetOptions& options);

// The docs' table of families (docs/datasets.md holds it; a test keeps the two equal).
std::string network_families_markdown();

}  // namespace wgan

#include "wgan/nets/network_family.h"

#include "wgan/core/error.h"
#include "wgan/core/names.h"

namespace wgan {
namespace {

bool is_power_of_two(int64_t n) { return n > 0 && (n & (n - 1)) == 0; }

std::vector<NetworkFamily> make_rows() {
  NetworkFamily dcgan;
  dcgan.name = "dcgan";
  dcgan.origin = "seed 000, the WGAN paper's `DCGAN_G`/`DCGAN_D`";
  dcgan.size_problem = [](int64_t s) {
    return s >= 16 && is_power_of_two(s) ? "" : "the dcgan networks take sizes 16 * 2^k (16, 32, 64, 128, ...)";
  };
  dcgan.sizes = "16·2^k";
  dcgan.build = dcgan_networks;
  dcgan.automatic = true;
  dcgan.norm_g = Norm::kBatch;
  dcgan.norm_d = Norm::kBatch;
  dcgan.norm_d_per_sample = Norm::kLayer;  // as the WGAN-GP paper's ResNet critic

  NetworkFamily mnist;
  mnist.name = "dcgan-mnist";
  mnist.origin = "seed 004";
  mnist.size_problem = [](int64_t s) {
    return s >= 4 && s % 4 == 0 ? "" : "the dcgan-mnist networks take multiples of 4 (28, 32, ...)";
  };
  mnist.sizes = "multiples of 4 (28)";
  mnist.build = dcgan_mnist_networks;
  mnist.automatic = true;  // MNIST's 28x28, which dcgan cannot take

  NetworkFamily dense;
  dense.name = "dcgan-dense";
  dense.origin = "seed 003";
  dense.size_problem = [](int64_t s) {
    return s >= 8 && is_power_of_two(s) ? "" : "the dcgan-dense networks take sizes 8 * 2^k (8, 16, 32, 64, ...)";
  };
  dense.sizes = "8·2^k";
  dense.build = dcgan_dense_networks;
  dense.norm_g = Norm::kBatch;  // its critic has none, as seed 003's

  NetworkFamily mlp;
  mlp.name = "mlp";
  mlp.origin = "the WGAN paper's `MLP_G`/`MLP_D`";
  mlp.size_problem = [](int64_t) { return std::string(); };
  mlp.sizes = "any";
  mlp.build = mlp_image_networks;  // PyTorch's default initialisation, as the WGAN authors' MLPs
  mlp.takes_points = true;
  mlp.automatic = true;  // the last resort for images

  return {dcgan, mnist, dense, mlp};
}

}  // namespace

const std::vector<NetworkFamily>& network_families() {
  static const std::vector<NetworkFamily> rows = make_rows();
  return rows;
}

std::vector<std::string> network_family_names() { return names_of(network_families()); }

const NetworkFamily* find_network_family(const std::string& name) {
  for (const auto& family : network_families())
    if (family.name == name) return &family;
  return nullptr;
}

const NetworkFamily& network_family(const std::string& name) {
  if (const NetworkFamily* family = find_network_family(name)) return *family;
  throw OptionError("arch", "unknown network family '" + name + "'; expected one of " + join(network_family_names()));
}

const NetworkFamily& automatic_image_family(int64_t image_size) {
  for (const auto& family : network_families())
    if (family.automatic && family.size_problem(image_size).empty()) return family;
  throw OptionError("image_size", "no network family takes images of this size", std::to_string(image_size));
}

std::string image_size_problem(const std::string& arch, int64_t image_size) {
  const NetworkFamily& family = network_family(arch);
  if (image_size <= 0) return "expected a positive size";
  return family.size_problem(image_size);
}

NetworkPair make_image_networks(const std::string& arch, const ImageNetOptions& options) {
  const std::string problem = image_size_problem(arch, options.image_size);
  if (!problem.empty()) throw OptionError("image_size", problem, std::to_string(options.image_size));
  return network_family(arch).build(options);
}

std::string network_families_markdown() {
  std::string md =
      "| `--arch` | from | sizes S | default norm (generator, critic; critic under gp, lp, r1) | 2-D data | "
      "picked by auto |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& f : network_families())
    md += "| `" + f.name + "` | " + f.origin + " | " + f.sizes + " | " + name_of(f.norm_g) + ", " + name_of(f.norm_d) +
          "; " + name_of(f.norm_d_per_sample) + " | " + (f.takes_points ? "yes" : "no") + " | " +
          (f.automatic ? "yes" : "no") + " |\n";
  return md;
}

}  // namespace wgan

#include "wgan/eval/feature_network.h"

#include <torch/script.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/crash_isolation.h"
#include "wgan/core/hash.h"

namespace wgan {

FeatureNetwork::FeatureNetwork(const std::string& path) {
  if (!std::filesystem::is_regular_file(path))
    throw OptionError("features", "no such file; expected a TorchScript feature network (.pt)", path);
  const std::string bytes = read_text_file(path);  // read once: loaded, and fingerprinted below
  try {
    // Loaded from LibTorch's own re-saving of the file in a child process (crash_isolation.h).
    std::istringstream archive(resaved_torchscript(bytes));
    module_ = std::make_shared<torch::jit::Module>(torch::jit::load(archive, c10::Device(c10::kCPU)));
  } catch (const ReaderCrashed& e) {
    throw OptionError("features", std::string(e.what()) + "; expected a TorchScript module", path);
  } catch (const std::exception&) {
    throw OptionError("features",
                      "not a TorchScript module; expected a file saved with torch.jit.save or written by "
                      "`wgan classifier train`",
                      path);
  }
  auto& m = *module_;
  if (!m.find_method("forward"))
    throw OptionError("features", "the module has no forward(); expected forward(images)", path);
  m.eval();
  has_features_ = m.find_method("features").has_value();
  has_logits_ = m.find_method("logits").has_value();
  has_head_ = has_features_ && m.find_method("head").has_value();
  // self, images[, return_features]
  forward_takes_flag_ = !has_features_ && m.get_method("forward").function().getSchema().arguments().size() >= 3;
  if (m.hasattr("input_range")) signed_input_ = m.attr("input_range").toStringRef() == "signed";
  if (m.hasattr("channels")) channels_ = m.attr("channels").toInt();
  if (m.hasattr("image_size")) image_size_ = m.attr("image_size").toInt();
  if (channels_ != 1 && channels_ != 3)
    throw OptionError("features", "channels attribute " + std::to_string(channels_) + "; expected 1 or 3", path);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a64(bytes)));
  fingerprint_ = hex;
  description_ = std::filesystem::path(path).filename().string();
  if (m.hasattr("kind") && m.attr("kind").toStringRef() == "wgan-classifier") {
    char text[160];
    std::snprintf(text, sizeof text, " (wgan classifier of %s, test accuracy %.2f %%)",
                  m.attr("dataset").toStringRef().c_str(), 100 * m.attr("accuracy").toDouble());
    description_ += text;
  }
  description_ += std::string(", input ") + (signed_input_ ? "[-1, 1]" : "[0, 255]") + " " +
                  std::to_string(channels_) + " channel" + (channels_ == 1 ? "" : "s") +
                  (image_size_ ? " " + std::to_string(image_size_) + "x" + std::to_string(image_size_) : "");
}

torch::Tensor FeatureNetwork::prepare(const torch::Tensor& images) const {
  auto x = images.to(torch::kFloat32);
  if (x.size(1) == 3 && channels_ == 1) {
    // ITU-R 601 luma, as the datasets' grey conversion (PIL's "L").
    const auto weights = torch::tensor({0.299f, 0.587f, 0.114f}, x.options()).view({1, 3, 1, 1});
    x = (x * weights).sum(1, true);
  } else if (x.size(1) == 1 && channels_ == 3) {
    x = x.expand({x.size(0), 3, x.size(2), x.size(3)});
  }
  if (image_size_ > 0 && (x.size(2) != image_size_ || x.size(3) != image_size_))
    x = torch::upsample_bilinear2d(x, {image_size_, image_size_}, /*align_corners=*/false);
  return signed_input_ ? x : (x + 1) * 127.5;
}

FeatureNetwork::Outputs FeatureNetwork::run(const torch::Tensor& images, c10::Device device,
                                            int64_t batch_size) const {
  torch::NoGradGuard no_grad;
  auto& m = *module_;
  m.to(device);
  std::vector<torch::Tensor> features, logits;
  for (int64_t start = 0; start < images.size(0); start += batch_size) {
    const auto x = prepare(images.slice(0, start, start + batch_size).to(device));
    torch::Tensor f;
    if (has_features_)
      f = m.get_method("features")({x}).toTensor();
    else if (forward_takes_flag_)
      f = m.forward({x, true}).toTensor();
    else
      f = m.forward({x}).toTensor();
    features.push_back(f.flatten(1).to(torch::kCPU, torch::kFloat32));
    if (has_logits_) {
      // A wgan classifier's logits are its head on the features: no second pass.
      const auto l = has_head_ ? m.get_method("head")({f}) : m.get_method("logits")({x});
      logits.push_back(l.toTensor().to(torch::kCPU, torch::kFloat32));
    }
  }
  Outputs out;
  out.features = torch::cat(features);
  if (has_logits_) out.logits = torch::cat(logits);
  return out;
}

}  // namespace wgan

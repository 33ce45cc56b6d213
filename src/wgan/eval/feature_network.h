// A feature network for FID/KID, loaded from a TorchScript file: either a classifier that
// `wgan classifier train` wrote, or any module following the convention of the Inception file
// that stylegan2-ada and clean-fid use (docs/metrics.md):
//   - input: float32 [N, 3, H, W], pixel values in [0, 255] (grey images are repeated to 3
//     channels); any H, W (the module resizes as it needs);
//   - forward(x) returns the features [N, d]; a forward with a second argument is called as
//     forward(x, True) (stylegan2-ada's return_features);
//   - optional attributes override the input convention: input_range ("signed": [-1, 1]),
//     channels (1 or 3), image_size (images are resized to it, bilinear);
//   - optional methods: features(x) (used instead of forward) and logits(x) (class logits: the
//     classifier score and class histogram are computed when it exists).
#pragma once
#include <torch/types.h>

#include <memory>
#include <string>

namespace torch::jit {
struct Module;
}

namespace wgan {

class FeatureNetwork {
 public:
  // UsageError naming the file when it is missing, not TorchScript, or lacks forward().
  explicit FeatureNetwork(const std::string& path);

  struct Outputs {
    torch::Tensor features;  // [N, d] float32, CPU
    torch::Tensor logits;    // [N, K] float32, CPU; undefined without logits()
  };
  // images: float [N, C, H, W] in [-1, 1] (the generators' and the datasets' convention), run
  // in batches of `batch_size` on `device`.
  Outputs run(const torch::Tensor& images, c10::Device device = c10::kCPU, int64_t batch_size = 250) const;

  bool has_logits() const { return has_logits_; }
  // Hex FNV-1a of the file's bytes: identifies the network in cache keys.
  const std::string& fingerprint() const { return fingerprint_; }
  // e.g. "wgan-classifier (mnist, accuracy 98.6 %), input [-1, 1] 1x28x28"
  const std::string& description() const { return description_; }

 private:
  torch::Tensor prepare(const torch::Tensor& images) const;

  std::shared_ptr<torch::jit::Module> module_;
  std::string fingerprint_, description_;
  bool signed_input_ = false, has_features_ = false, has_logits_ = false, has_head_ = false;
  bool forward_takes_flag_ = false;
  int64_t channels_ = 3, image_size_ = 0;
};

}  // namespace wgan

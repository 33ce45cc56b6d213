// Differentiable augmentation (DiffAugment, Zhao et al. 2020): random colour, translation and
// cutout applied to the real and the generated batches before every critic evaluation, in the
// critic's steps and the generator's, so that a critic trained on few images (seed 000's 919
// Pokemon) does not memorise them, while the generator's gradient passes through the
// transformation. The operations are DiffAugment's (its PyTorch code's constants); the
// randomness is drawn per sample from a generator the caller seeds, so runs resume exactly and
// data-parallel ranks take their rows of one global draw.
#pragma once
#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <string>
#include <vector>

namespace wgan {

enum class Augmentation { kColor, kTranslation, kCutout };

// "translation,cutout,color" (any order, applied in that order), or "none"/"" for no
// augmentation; OptionError naming --augment otherwise.
std::vector<Augmentation> parse_augmentations(const std::string& text);
// The names parse_augmentations takes: color, translation, cutout.
const std::vector<std::string>& augmentation_names();

// Per-sample random values of one batch, [n] each (undefined when not drawn).
struct AugmentationDraw {
  torch::Tensor brightness, saturation, contrast;  // color: U(-0.5, 0.5), U(0, 2), U(0.5, 1.5)
  torch::Tensor shift_y, shift_x;                  // translation: integers in [-s, s], s = size / 8
  torch::Tensor cut_y, cut_x;                      // cutout: the centre of a half-size square
  // Rows [start, end) of every value: a data-parallel rank's share of a global draw.
  AugmentationDraw rows(int64_t start, int64_t end) const;
};

class DiffAugment {
 public:
  explicit DiffAugment(std::vector<Augmentation> policy = {});
  bool enabled() const { return !policy_.empty(); }
  // Draws the values for n images of height x width from `gen`, on the CPU.
  AugmentationDraw draw(int64_t n, int64_t height, int64_t width, at::Generator& gen) const;
  // images [n, C, H, W] transformed by the draw's values (on the images' device); differentiable.
  torch::Tensor apply(const torch::Tensor& images, const AugmentationDraw& draw) const;

 private:
  std::vector<Augmentation> policy_;
};

}  // namespace wgan

#include "wgan/data/diff_augment.h"

#include <torch/torch.h>

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/core/random.h"

namespace wgan {
namespace {

namespace F = torch::nn::functional;

constexpr double kTranslationRatio = 0.125;  // DiffAugment's rand_translation
constexpr double kCutoutRatio = 0.5;         // and rand_cutout

const std::vector<std::pair<std::string, Augmentation>>& table() {
  static const std::vector<std::pair<std::string, Augmentation>> t = {
      {"color", Augmentation::kColor}, {"translation", Augmentation::kTranslation}, {"cutout", Augmentation::kCutout}};
  return t;
}

int64_t rounded(double x) { return static_cast<int64_t>(x + 0.5); }

torch::Tensor per_sample(const torch::Tensor& values, const torch::Tensor& like) {
  return values.to(like.device(), like.scalar_type()).view({-1, 1, 1, 1});
}

torch::Tensor color(const torch::Tensor& x, const AugmentationDraw& d) {
  auto y = x + per_sample(d.brightness, x);
  const auto channel_mean = y.mean(1, true);
  y = (y - channel_mean) * per_sample(d.saturation, x) + channel_mean;
  const auto image_mean = y.mean({1, 2, 3}, true);
  return (y - image_mean) * per_sample(d.contrast, x) + image_mean;
}

// Each image moved by its (shift_y, shift_x) pixels, zeros coming in at the edges.
torch::Tensor translation(const torch::Tensor& x, const AugmentationDraw& d) {
  const int64_t n = x.size(0), h = x.size(2), w = x.size(3);
  const auto long_options = torch::TensorOptions().dtype(torch::kInt64).device(x.device());
  const auto rows = (torch::arange(h, long_options).view({1, h, 1}) - d.shift_y.to(x.device()).view({n, 1, 1}) + 1)
                        .clamp(0, h + 1);
  const auto cols = (torch::arange(w, long_options).view({1, 1, w}) - d.shift_x.to(x.device()).view({n, 1, 1}) + 1)
                        .clamp(0, w + 1);
  const auto padded = F::pad(x, F::PadFuncOptions({1, 1, 1, 1})).permute({0, 2, 3, 1});  // [n, h+2, w+2, C]
  const auto batch = torch::arange(n, long_options).view({n, 1, 1});
  return padded.index({batch, rows, cols}).permute({0, 3, 1, 2});
}

// A square of half the image's size, centred at (cut_y, cut_x), set to 0.
torch::Tensor cutout(const torch::Tensor& x, const AugmentationDraw& d) {
  const int64_t n = x.size(0), h = x.size(2), w = x.size(3);
  const int64_t ch = rounded(h * kCutoutRatio), cw = rounded(w * kCutoutRatio);
  const auto long_options = torch::TensorOptions().dtype(torch::kInt64).device(x.device());
  const auto y = torch::arange(h, long_options).view({1, h, 1}), xx = torch::arange(w, long_options).view({1, 1, w});
  const auto top = d.cut_y.to(x.device()).view({n, 1, 1}) - ch / 2, left = d.cut_x.to(x.device()).view({n, 1, 1}) - cw / 2;
  const auto inside = (y >= top) & (y < top + ch) & (xx >= left) & (xx < left + cw);
  return x * (~inside).unsqueeze(1).to(x.scalar_type());
}

}  // namespace

const std::vector<std::string>& augmentation_names() {
  static const std::vector<std::string> names = names_of(table());
  return names;
}

std::vector<Augmentation> parse_augmentations(const std::string& text) {
  std::vector<Augmentation> policy;
  if (text.empty() || text == "none") return policy;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string name = text.substr(start, comma - start);
    bool known = false;
    for (const auto& [n, a] : table())
      if (n == name) {
        for (Augmentation seen : policy)
          if (seen == a) throw OptionError("augment", "'" + name + "' is given twice", text, "--augment");
        policy.push_back(a);
        known = true;
      }
    if (!known)
      throw OptionError("augment", "unknown augmentation '" + name + "'; expected a comma-separated list of " +
                                       join(augmentation_names()) + ", or none",
                        text, "--augment");
    start = comma + 1;
  }
  return policy;
}

AugmentationDraw AugmentationDraw::rows(int64_t start, int64_t end) const {
  AugmentationDraw r;
  const auto slice = [&](const torch::Tensor& t) { return t.defined() ? t.slice(0, start, end) : t; };
  r.brightness = slice(brightness), r.saturation = slice(saturation), r.contrast = slice(contrast);
  r.shift_y = slice(shift_y), r.shift_x = slice(shift_x), r.cut_y = slice(cut_y), r.cut_x = slice(cut_x);
  return r;
}

DiffAugment::DiffAugment(std::vector<Augmentation> policy) : policy_(std::move(policy)) {}

AugmentationDraw DiffAugment::draw(int64_t n, int64_t h, int64_t w, at::Generator& gen) const {
  AugmentationDraw d;
  const auto real = draw_options(), integer = draw_options(torch::kInt64);
  for (Augmentation a : policy_) {
    switch (a) {
      case Augmentation::kColor:
        d.brightness = torch::rand({n}, gen, real) - 0.5;
        d.saturation = torch::rand({n}, gen, real) * 2;
        d.contrast = torch::rand({n}, gen, real) + 0.5;
        break;
      case Augmentation::kTranslation: {
        const int64_t sy = rounded(h * kTranslationRatio), sx = rounded(w * kTranslationRatio);
        d.shift_y = torch::randint(-sy, sy + 1, {n}, gen, integer);
        d.shift_x = torch::randint(-sx, sx + 1, {n}, gen, integer);
        break;
      }
      case Augmentation::kCutout: {
        const int64_t ch = rounded(h * kCutoutRatio), cw = rounded(w * kCutoutRatio);
        d.cut_y = torch::randint(0, h + (1 - ch % 2), {n}, gen, integer);
        d.cut_x = torch::randint(0, w + (1 - cw % 2), {n}, gen, integer);
        break;
      }
    }
  }
  return d;
}

torch::Tensor DiffAugment::apply(const torch::Tensor& images, const AugmentationDraw& d) const {
  torch::Tensor x = images;
  for (Augmentation a : policy_) {
    switch (a) {
      case Augmentation::kColor: x = color(x, d); break;
      case Augmentation::kTranslation: x = translation(x, d); break;
      case Augmentation::kCutout: x = cutout(x, d); break;
    }
  }
  return x;
}

}  // namespace wgan

#include "wgan/data/toy.h"

#include <cmath>

#include "wgan/core/error.h"
#include "wgan/core/random.h"

namespace wgan {

ToyDistribution::ToyDistribution(ToyKind kind) : kind_(kind), name_(name_of(kind)) {
  switch (kind) {
    case ToyKind::kGaussians25: {
      // Means {-4,-2,0,2,4}^2, std 0.05: the "2-D grid" of VEEGAN / PacGAN / GDPP tables.
      std::vector<float> means;
      for (int i = -2; i <= 2; ++i)
        for (int j = -2; j <= 2; ++j) {
          means.push_back(2.0f * i);
          means.push_back(2.0f * j);
        }
      modes_ = torch::tensor(means).view({25, 2});
      std_ = 0.05;
      break;
    }
    case ToyKind::kGaussians8: {
      // 8 means on the unit circle at angles 2*pi*k/8, std 0.01: the "2-D ring".
      std::vector<float> means;
      for (int k = 0; k < 8; ++k) {
        double angle = 2.0 * M_PI * k / 8.0;
        means.push_back(static_cast<float>(std::cos(angle)));
        means.push_back(static_cast<float>(std::sin(angle)));
      }
      modes_ = torch::tensor(means).view({8, 2});
      std_ = 0.01;
      break;
    }
    case ToyKind::kSwissRoll:
      modes_ = torch::empty({0, 2});
      std_ = 0.0;
      break;
  }
}

const std::vector<std::string>& ToyDistribution::names() {
  static const std::vector<std::string> kNames = choice_names<ToyKind>();
  return kNames;
}

bool ToyDistribution::is_toy(const std::string& name) { return parse_choice<ToyKind>(name).has_value(); }

ToyDistribution ToyDistribution::from_name(const std::string& name) {
  if (const auto kind = parse_choice<ToyKind>(name)) return ToyDistribution(*kind);
  throw UsageError("unknown toy dataset '" + name + "'; expected gaussians25, gaussians8 or swissroll");
}

double ToyDistribution::extent() const {
  switch (kind_) {
    case ToyKind::kGaussians25: return 5.0;
    case ToyKind::kGaussians8: return 1.5;
    case ToyKind::kSwissRoll: return 2.0;
  }
  return 1.0;
}

torch::Tensor ToyDistribution::sample(int64_t n, at::Generator& generator) const {
  const auto f32 = draw_options();
  if (kind_ == ToyKind::kSwissRoll) {
    // t = 1.5*pi*(1 + 2u), point (t cos t, t sin t) + N(0, 0.25^2), divided by 7.5.
    auto u = torch::rand({n}, generator, f32);
    auto t = 1.5 * M_PI * (1.0 + 2.0 * u);
    auto points = torch::stack({t * torch::cos(t), t * torch::sin(t)}, 1);
    points = points + 0.25 * torch::randn({n, 2}, generator, f32);
    return points / 7.5;
  }
  auto which = torch::randint(modes_.size(0), {n}, generator, draw_options(torch::kLong));
  return modes_.index_select(0, which) + std_ * torch::randn({n, 2}, generator, f32);
}

}  // namespace wgan

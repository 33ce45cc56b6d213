// The 2-D toy distributions of the seeds and of the published mode-coverage benchmarks.
#pragma once
#include <torch/types.h>

#include <string>
#include <vector>

#include "wgan/core/choice.h"

namespace wgan {

enum class ToyKind { kGaussians25, kGaussians8, kSwissRoll };
inline constexpr ChoiceName<ToyKind> kToyKindNames[] = {
    {ToyKind::kGaussians25, "gaussians25"}, {ToyKind::kGaussians8, "gaussians8"}, {ToyKind::kSwissRoll, "swissroll"}};
constexpr const auto& choice_table(ToyKind) { return kToyKindNames; }

class ToyDistribution {
 public:
  explicit ToyDistribution(ToyKind kind);
  // Parses "gaussians25", "gaussians8" or "swissroll"; throws UsageError otherwise.
  static ToyDistribution from_name(const std::string& name);
  static const std::vector<std::string>& names();
  static bool is_toy(const std::string& name);

  // n points, shape [n, 2], float32 on the CPU.
  torch::Tensor sample(int64_t n, at::Generator& generator) const;

  // Mode centres [K, 2]; empty for the swiss roll, which has none.
  const torch::Tensor& modes() const { return modes_; }
  bool has_modes() const { return modes_.defined() && modes_.size(0) > 0; }
  // Standard deviation of each mixture component (0 for the swiss roll).
  double mode_std() const { return std_; }
  // Half-width of a square centred on 0 that holds practically all of the data.
  double extent() const;
  const std::string& name() const { return name_; }

 private:
  ToyKind kind_;
  std::string name_;
  torch::Tensor modes_;
  double std_ = 0.0;
};

}  // namespace wgan

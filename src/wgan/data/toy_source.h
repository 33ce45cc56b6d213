// Real batches of a toy distribution: fresh samples for every batch by default, or batches
// cycling through a fixed finite training set (seed 001 trains on 4,000 points per Gaussian).
#pragma once
#include <optional>

#include "wgan/data/batch_source.h"
#include "wgan/data/epoch_order.h"
#include "wgan/data/toy.h"

namespace wgan {

class ToySource : public BatchSource {
 public:
  // points == 0: a fresh draw per batch; otherwise a fixed set of that many points, shuffled
  // anew each epoch.
  ToySource(ToyDistribution distribution, uint64_t seed, int64_t points);
  torch::Tensor batch(int64_t index, int64_t batch_size) override;
  std::vector<int64_t> sample_shape() const override { return {2}; }
  const ToyDistribution& distribution() const { return distribution_; }

 private:
  ToyDistribution distribution_;
  uint64_t seed_;
  torch::Tensor points_;             // defined only for a finite set
  std::optional<EpochOrder> order_;  // of the finite set
};

}  // namespace wgan

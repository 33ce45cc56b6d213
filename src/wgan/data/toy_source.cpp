#include "wgan/data/toy_source.h"

#include "wgan/core/random.h"

namespace wgan {

ToySource::ToySource(ToyDistribution distribution, uint64_t seed, int64_t points)
    : distribution_(std::move(distribution)), seed_(seed) {
  if (points > 0) {
    auto generator = make_generator(seed_, Stream::kDataset);
    points_ = distribution_.sample(points, generator);
    order_.emplace(seed_, points);
  }
}

torch::Tensor ToySource::batch(int64_t index, int64_t batch_size) {
  if (!points_.defined()) {
    auto generator = make_generator(seed_, Stream::kRealBatch, static_cast<uint64_t>(index));
    return distribution_.sample(batch_size, generator);
  }
  return points_.index_select(0, order_->rows(index, batch_size));
}

}  // namespace wgan

#include "wgan/data/toy_source.h"

#include "wgan/core/random.h"

namespace wgan {

ToySource::ToySource(ToyDistribution distribution, uint64_t seed, int64_t points)
    : distribution_(std::move(distribution)), seed_(seed) {
  if (points > 0) {
    auto generator = make_generator(seed_, Stream::kDataset);
    points_ = distribution_.sample(points, generator);
  }
}

const torch::Tensor& ToySource::permutation(int64_t epoch) {
  if (epoch != cached_epoch_) {
    auto generator = make_generator(seed_, Stream::kShuffle, static_cast<uint64_t>(epoch));
    cached_permutation_ =
        torch::randperm(points_.size(0), generator, torch::TensorOptions().dtype(torch::kLong));
    cached_epoch_ = epoch;
  }
  return cached_permutation_;
}

torch::Tensor ToySource::batch(int64_t index, int64_t batch_size) {
  if (!points_.defined()) {
    auto generator = make_generator(seed_, Stream::kRealBatch, static_cast<uint64_t>(index));
    return distribution_.sample(batch_size, generator);
  }
  // The training set read as one endless sequence of epochs, each a fresh permutation:
  // batch `index` takes positions [index*B, (index+1)*B) of that sequence.
  const int64_t n = points_.size(0);
  std::vector<int64_t> rows;
  rows.reserve(batch_size);
  int64_t position = index * batch_size;
  while (static_cast<int64_t>(rows.size()) < batch_size) {
    const int64_t epoch = position / n;
    const auto& perm = permutation(epoch);
    const int64_t* p = perm.data_ptr<int64_t>();
    for (int64_t k = position % n; k < n && static_cast<int64_t>(rows.size()) < batch_size; ++k)
      rows.push_back(p[k]);
    position = (epoch + 1) * n;
  }
  return points_.index_select(0, torch::tensor(rows, torch::kLong));
}

}  // namespace wgan

#include "wgan/data/epoch_order.h"

#include "wgan/core/random.h"

namespace wgan {

const torch::Tensor& EpochOrder::permutation(int64_t epoch) {
  if (epoch != cached_epoch_) {
    auto generator = make_generator(seed_, Stream::kShuffle, static_cast<uint64_t>(epoch));
    cached_permutation_ =
        torch::randperm(size_, generator, draw_options(torch::kLong));
    cached_epoch_ = epoch;
  }
  return cached_permutation_;
}

torch::Tensor EpochOrder::rows(int64_t index, int64_t batch_size) {
  std::vector<int64_t> rows;
  rows.reserve(static_cast<size_t>(batch_size));
  int64_t position = index * batch_size;
  while (static_cast<int64_t>(rows.size()) < batch_size) {
    const int64_t epoch = position / size_;
    const int64_t* p = permutation(epoch).data_ptr<int64_t>();
    for (int64_t k = position % size_; k < size_ && static_cast<int64_t>(rows.size()) < batch_size; ++k)
      rows.push_back(p[k]);
    position = (epoch + 1) * size_;
  }
  return torch::tensor(rows, torch::kLong);
}

}  // namespace wgan

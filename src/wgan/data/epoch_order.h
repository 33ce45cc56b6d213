// The order in which a finite training set is read: one endless sequence of epochs, each a
// fresh permutation drawn from the run's seed and the epoch number. Batch `index` takes
// positions [index * B, (index + 1) * B) of that sequence, so any batch can be recomputed on its
// own (resume, data-parallel ranks).
#pragma once
#include <torch/types.h>

namespace wgan {

class EpochOrder {
 public:
  EpochOrder(uint64_t seed, int64_t size) : seed_(seed), size_(size) {}
  // Row numbers of batch `index`, int64 [batch_size].
  torch::Tensor rows(int64_t index, int64_t batch_size);
  int64_t size() const { return size_; }

 private:
  const torch::Tensor& permutation(int64_t epoch);

  uint64_t seed_;
  int64_t size_;
  int64_t cached_epoch_ = -1;
  torch::Tensor cached_permutation_;
};

}  // namespace wgan

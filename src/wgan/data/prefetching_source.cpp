#include "wgan/data/prefetching_source.h"

namespace wgan {

PrefetchingSource::~PrefetchingSource() {
  if (next_.valid()) next_.wait();
}

torch::Tensor PrefetchingSource::batch(int64_t index, int64_t batch_size) {
  torch::Tensor result;
  if (next_.valid()) {
    // The wrapped source is not thread-safe: never run it while the prefetch still does.
    torch::Tensor prefetched = next_.get();
    if (next_index_ == index && next_batch_size_ == batch_size) result = prefetched;
  }
  if (!result.defined()) result = source_->batch(index, batch_size);
  next_index_ = index + 1;
  next_batch_size_ = batch_size;
  next_ = std::async(std::launch::async, [source = source_, index, batch_size] {
    return source->batch(index + 1, batch_size);
  });
  return result;
}

}  // namespace wgan

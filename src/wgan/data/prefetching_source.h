// Prepares the next batch on a background thread while the trainer works on the current one.
// Batches are pure functions of their index, so prefetching cannot change what is served: a
// request for anything but the prefetched batch is simply computed on the spot.
#pragma once
#include <future>
#include <memory>

#include "wgan/data/batch_source.h"

namespace wgan {

class PrefetchingSource : public BatchSource {
 public:
  explicit PrefetchingSource(std::shared_ptr<BatchSource> source) : source_(std::move(source)) {}
  ~PrefetchingSource() override;
  torch::Tensor batch(int64_t index, int64_t batch_size) override;
  std::vector<int64_t> sample_shape() const override { return source_->sample_shape(); }

 private:
  std::shared_ptr<BatchSource> source_;
  std::future<torch::Tensor> next_;
  int64_t next_index_ = -1, next_batch_size_ = -1;
};

}  // namespace wgan

// A batch source whose real batches turn to NaN from a given batch on: the critic's loss, and
// through averaged gradients every rank's, stops being finite there (the divergence tests).
#pragma once
#include <cmath>
#include <memory>

#include "wgan/data/batch_source.h"

namespace wgan::test {

class PoisonedSource : public BatchSource {
 public:
  PoisonedSource(std::shared_ptr<BatchSource> source, int64_t first_bad)
      : source_(std::move(source)), first_bad_(first_bad) {}
  torch::Tensor batch(int64_t index, int64_t batch_size) override {
    torch::Tensor b = source_->batch(index, batch_size);
    return index >= first_bad_ ? torch::full_like(b, std::nan("")) : b;
  }
  std::vector<int64_t> sample_shape() const override { return source_->sample_shape(); }

 private:
  std::shared_ptr<BatchSource> source_;
  int64_t first_bad_;
};

}  // namespace wgan::test

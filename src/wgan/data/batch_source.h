// Where real batches come from. A batch is a pure function of its index (the number of real
// batches drawn before it in the run), so resuming at any point, or splitting a batch across
// data-parallel ranks, reproduces exactly the same data.
#pragma once
#include <torch/types.h>

#include <memory>

namespace wgan {

class BatchSource {
 public:
  virtual ~BatchSource() = default;
  // The batch with this index, `batch_size` rows, float32 on the CPU.
  virtual torch::Tensor batch(int64_t index, int64_t batch_size) = 0;
  // Shape of one sample, e.g. {2} for points or {C, H, W} for images.
  virtual std::vector<int64_t> sample_shape() const = 0;
};

}  // namespace wgan

// Real batches from samples held in memory: the rows of one tensor, in the epoch order of the
// run's seed. uint8 images [N, C, H, W] are served as float32 in [-1, 1] ((x / 127.5) - 1, as
// torchvision's ToTensor + Normalize(0.5, 0.5)); floating-point samples [N, ...] (points,
// or images a program already normalised) as float32, unchanged.
#pragma once
#include <ATen/Functions.h>

#include <memory>
#include <vector>

#include "wgan/data/batch_source.h"
#include "wgan/data/epoch_order.h"

namespace wgan {

class TensorSource : public BatchSource {
 public:
  // `samples`: uint8 or floating point, at least one row, on the CPU.
  TensorSource(torch::Tensor samples, uint64_t seed);
  torch::Tensor batch(int64_t index, int64_t batch_size) override;
  std::vector<int64_t> sample_shape() const override;
  const torch::Tensor& samples() const { return samples_; }

 private:
  torch::Tensor samples_;
  EpochOrder order_;
};

// The samples of a torch::data dataset (any with size() and get(i).data, such as
// torch::data::datasets::TensorDataset or a program's own), read once and stacked.
template <typename Dataset>
std::shared_ptr<TensorSource> tensor_source_from(Dataset& dataset, uint64_t seed) {
  const auto size = dataset.size();
  const int64_t n = size ? static_cast<int64_t>(*size) : 0;
  std::vector<torch::Tensor> samples;
  samples.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) samples.push_back(dataset.get(static_cast<size_t>(i)).data);
  return std::make_shared<TensorSource>(n > 0 ? torch::stack(samples) : torch::Tensor(), seed);
}

// uint8 pixels to float32 in [-1, 1].
torch::Tensor normalize_pixels(const torch::Tensor& pixels);

// float32 in [-1, 1] back to uint8 pixels (rounded, clamped): the inverse of normalize_pixels
// on its image.
torch::Tensor pixels_from_normalized(const torch::Tensor& samples);

}  // namespace wgan

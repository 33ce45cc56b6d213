// Real batches of an image dataset: uint8 pixels held once in memory, served as float32 in
// [-1, 1] ((x / 127.5) - 1, as torchvision's ToTensor + Normalize(0.5, 0.5)), in the epoch
// order of the run's seed.
#pragma once
#include "wgan/data/batch_source.h"
#include "wgan/data/epoch_order.h"

namespace wgan {

class ImageSource : public BatchSource {
 public:
  ImageSource(torch::Tensor images, uint64_t seed);
  torch::Tensor batch(int64_t index, int64_t batch_size) override;
  std::vector<int64_t> sample_shape() const override;
  const torch::Tensor& images() const { return images_; }

 private:
  torch::Tensor images_;  // uint8 [N, C, H, W]
  EpochOrder order_;
};

// uint8 pixels to float32 in [-1, 1].
torch::Tensor normalize_pixels(const torch::Tensor& pixels);

}  // namespace wgan

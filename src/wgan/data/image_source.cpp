#include "wgan/data/image_source.h"

namespace wgan {

torch::Tensor normalize_pixels(const torch::Tensor& pixels) {
  return pixels.to(torch::kFloat32).div_(127.5).sub_(1.0);
}

ImageSource::ImageSource(torch::Tensor images, uint64_t seed)
    : images_(std::move(images)), order_(seed, images_.size(0)) {}

torch::Tensor ImageSource::batch(int64_t index, int64_t batch_size) {
  return normalize_pixels(images_.index_select(0, order_.rows(index, batch_size)));
}

std::vector<int64_t> ImageSource::sample_shape() const {
  return {images_.size(1), images_.size(2), images_.size(3)};
}

}  // namespace wgan

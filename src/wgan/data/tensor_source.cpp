#include "wgan/data/tensor_source.h"

#include "wgan/core/error.h"

namespace wgan {

torch::Tensor normalize_pixels(const torch::Tensor& pixels) {
  return pixels.to(torch::kFloat32).div_(127.5).sub_(1.0);
}

torch::Tensor pixels_from_normalized(const torch::Tensor& samples) {
  return samples.add(1.0).mul_(127.5).round_().clamp_(0, 255).to(torch::kUInt8);
}

namespace {
torch::Tensor checked(torch::Tensor samples) {
  if (!samples.defined() || samples.dim() < 2 || samples.size(0) < 1)
    throw UsageError("a TensorSource needs samples [N, ...] with N >= 1 and at least one value per sample");
  if (samples.scalar_type() != torch::kUInt8 && !samples.is_floating_point())
    throw UsageError(std::string("a TensorSource takes uint8 images or floating-point samples, not ") +
                     c10::toString(samples.scalar_type()));
  return samples.device().is_cpu() ? samples : samples.cpu();
}
}  // namespace

TensorSource::TensorSource(torch::Tensor samples, uint64_t seed)
    : samples_(checked(std::move(samples))), order_(seed, samples_.size(0)) {}

torch::Tensor TensorSource::batch(int64_t index, int64_t batch_size) {
  const torch::Tensor rows = samples_.index_select(0, order_.rows(index, batch_size));
  return rows.scalar_type() == torch::kUInt8 ? normalize_pixels(rows) : rows.to(torch::kFloat32);
}

std::vector<int64_t> TensorSource::sample_shape() const {
  const auto sizes = samples_.sizes();
  return {sizes.begin() + 1, sizes.end()};
}

}  // namespace wgan

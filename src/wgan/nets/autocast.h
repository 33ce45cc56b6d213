// Mixed precision (--precision bf16): a scope in which LibTorch's autocast runs the networks'
// matrix products and convolutions in bfloat16 (float32 weights, float32 accumulation), on
// the CPU (AVX-512 BF16 / AMX) or on a GPU. Kept in one place because the autocast API
// changed between LibTorch 1.13 (per-device functions) and 2.4 (functions taking a device type).
#pragma once
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

namespace at {
class Tensor;
}

namespace wgan {

class AutocastScope {
 public:
  // enabled = false makes a scope that changes nothing.
  AutocastScope(c10::Device device, bool enabled);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  c10::DeviceType device_type_;
  bool enabled_;
  bool was_enabled_ = false;
};

// Whether autocast is on for the device the tensor lives on.
bool autocast_enabled_for(const at::Tensor& tensor);

// The type autocast computes in on that device (bfloat16 inside an AutocastScope).
c10::ScalarType autocast_type_for(const at::Tensor& tensor);

}  // namespace wgan

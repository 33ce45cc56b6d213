#include "wgan/nets/autocast.h"

#include <ATen/autocast_mode.h>
#include <ATen/core/Tensor.h>
#include <torch/version.h>

namespace wgan {
namespace {

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool is_enabled(c10::DeviceType type) { return at::autocast::is_autocast_enabled(type); }
void set_enabled(c10::DeviceType type, bool on) { at::autocast::set_autocast_enabled(type, on); }
void set_bf16(c10::DeviceType type) { at::autocast::set_autocast_dtype(type, at::kBFloat16); }
at::ScalarType dtype(c10::DeviceType type) { return at::autocast::get_autocast_dtype(type); }
#else
bool is_enabled(c10::DeviceType type) {
  return type == c10::DeviceType::CUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
void set_enabled(c10::DeviceType type, bool on) {
  if (type == c10::DeviceType::CUDA)
    at::autocast::set_enabled(on);
  else
    at::autocast::set_cpu_enabled(on);
}
void set_bf16(c10::DeviceType type) {
  if (type == c10::DeviceType::CUDA)
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
  else
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
}
at::ScalarType dtype(c10::DeviceType type) {
  return type == c10::DeviceType::CUDA ? at::autocast::get_autocast_gpu_dtype()
                                       : at::autocast::get_autocast_cpu_dtype();
}
#endif

}  // namespace

AutocastScope::AutocastScope(c10::Device device, bool enabled)
    : device_type_(device.type()), enabled_(enabled) {
  if (!enabled_) return;
  was_enabled_ = is_enabled(device_type_);
  set_bf16(device_type_);
  set_enabled(device_type_, true);
  at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
  if (!enabled_) return;
  // The cache of casted weights lives as long as the outermost scope (as torch.autocast).
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  set_enabled(device_type_, was_enabled_);
}

bool autocast_enabled_for(const at::Tensor& tensor) {
  return is_enabled(tensor.device().type());
}

c10::ScalarType autocast_type_for(const at::Tensor& tensor) { return dtype(tensor.device().type()); }

}  // namespace wgan

// torch::nn's options hold some arguments (a convolution's padding) in a variant: c10::variant
// up to LibTorch 2.1, std::variant from 2.2 on, when c10/util/variant.h was removed. wgan reads
// them through these names, which are the right ones for the LibTorch it is built against. (By
// version, not by the header's presence: a machine with both LibTorchs has Debian's 1.13
// headers in /usr/include, where a 2.x build would find c10/util/variant.h too.)
#pragma once
#include <torch/version.h>
#if TORCH_VERSION_MAJOR < 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR < 2)
#include <c10/util/variant.h>
namespace wgan::variant_compat {
using c10::get;
using c10::get_if;
using c10::holds_alternative;
}  // namespace wgan::variant_compat
#else
#include <variant>
namespace wgan::variant_compat {
using std::get;
using std::get_if;
using std::holds_alternative;
}  // namespace wgan::variant_compat
#endif

// torch::nn's options hold some arguments (a convolution's padding) in a variant: c10::variant
// up to LibTorch 2.1, std::variant from 2.2 on, when c10/util/variant.h was removed. wgan reads
// them through these names, which are the right ones for the LibTorch it is built against.
#pragma once
#if __has_include(<c10/util/variant.h>)
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

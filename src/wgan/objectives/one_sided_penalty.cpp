#include "wgan/objectives/one_sided_penalty.h"

namespace wgan {

torch::Tensor one_sided_penalty(NetworkImpl& critic, const torch::Tensor& real, const torch::Tensor& fake,
                                const torch::Tensor& alpha) {
  auto norms = critic_gradient_norms(critic, interpolate(real, fake, alpha));
  return (norms - 1).clamp_min(0).pow(2).mean();
}

}  // namespace wgan

// AutocastScope: bfloat16 products inside, float32 outside, nesting restores the outer state,
// and a disabled scope changes nothing.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "wgan/nets/autocast.h"

namespace wgan {
namespace {

TEST(Autocast, Bf16InsideTheScopeOnlyAndNestingRestores) {
  torch::nn::Linear linear(4, 3);
  const auto x = torch::randn({2, 4});
  const torch::Device cpu(torch::kCPU);
  const auto reference = linear(x).detach();
  EXPECT_EQ(reference.scalar_type(), torch::kFloat32);
  {
    AutocastScope outer(cpu, true);
    EXPECT_TRUE(autocast_enabled_for(x));
    EXPECT_EQ(linear(x).scalar_type(), torch::kBFloat16);
    {
      AutocastScope inner(cpu, true);
      EXPECT_EQ(linear(x).scalar_type(), torch::kBFloat16);
    }
    EXPECT_TRUE(autocast_enabled_for(x)) << "the inner scope switched the outer one off";
    // Float32 accumulation: the bfloat16 result is the float32 one to bfloat16's precision.
    const auto reduced = linear(x).detach().to(torch::kFloat32);
    EXPECT_TRUE(torch::allclose(reduced, reference, 2e-2, 2e-2));
    EXPECT_FALSE(torch::equal(reduced, reference));
  }
  EXPECT_FALSE(autocast_enabled_for(x));
  EXPECT_EQ(linear(x).scalar_type(), torch::kFloat32);
  {
    AutocastScope off(cpu, false);
    EXPECT_FALSE(autocast_enabled_for(x));
    EXPECT_EQ(linear(x).scalar_type(), torch::kFloat32);
  }
}

}  // namespace
}  // namespace wgan

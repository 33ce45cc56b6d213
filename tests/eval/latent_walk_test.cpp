#include "wgan/eval/latent_walk.h"

#include <gtest/gtest.h>

namespace wgan {
namespace {

TEST(LatentWalk, SlerpKeepsTheNormBetweenEqualNormVectors) {
  auto a = torch::tensor({3.0f, 0.0f, 0.0f}), b = torch::tensor({0.0f, 3.0f, 0.0f});
  for (double t : {0.0, 0.3, 0.5, 1.0}) EXPECT_NEAR(slerp(a, b, t).norm().item<double>(), 3.0, 1e-5);
  // Halfway along the arc: the bisector.
  EXPECT_TRUE(torch::allclose(slerp(a, b, 0.5), torch::tensor({1.0f, 1.0f, 0.0f}) * (3 / std::sqrt(2.0f)), 1e-5, 1e-5));
}

TEST(LatentWalk, VisitsEveryWaypointInOrder) {
  auto waypoints = torch::randn({4, 6});
  for (bool spherical : {true, false}) {
    auto walk = latent_walk(waypoints, 5, spherical);
    ASSERT_EQ(walk.size(0), 3 * 5 + 1);
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(torch::allclose(walk[i * 5], waypoints[i], 1e-5, 1e-5));
  }
  // Linear steps are evenly spaced.
  auto linear = latent_walk(waypoints, 4, false);
  EXPECT_TRUE(torch::allclose(linear[1] - linear[0], (waypoints[1] - waypoints[0]) / 4, 1e-5, 1e-5));
}

}  // namespace
}  // namespace wgan

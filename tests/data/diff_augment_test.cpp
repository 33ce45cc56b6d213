// Differentiable augmentation: each operation against its definition on hand-set values,
// reproducible from the seed, different across samples and draws, a data-parallel rank's rows
// equal to the global draw's, and gradients through it; and in the trainer, the generator
// still learns through it.
#include "wgan/data/diff_augment.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "../test_util.h"
#include "wgan/core/random.h"

namespace wgan {
namespace {

TEST(DiffAugment, PolicyTextIsCheckedNamingTheFlag) {
  EXPECT_TRUE(parse_augmentations("none").empty());
  EXPECT_EQ(parse_augmentations("translation,cutout,color").size(), 3u);
  EXPECT_NE(test::usage_error_message([] { parse_augmentations("translation,blur"); }).find("--augment"),
            std::string::npos);
  EXPECT_NE(test::usage_error_message([] { parse_augmentations("color,color"); }).find("twice"), std::string::npos);
  EXPECT_NE(test::usage_error_message([] { parse_augmentations("color,"); }).find("unknown"), std::string::npos);
}

TEST(DiffAugment, TranslationMovesEachImageByItsShiftWithZerosComingIn) {
  const auto x = torch::arange(2 * 1 * 8 * 8, torch::kFloat32).view({2, 1, 8, 8}) + 1;
  AugmentationDraw d;
  d.shift_y = torch::tensor({1, 0}, torch::kInt64);
  d.shift_x = torch::tensor({0, -1}, torch::kInt64);
  const auto y = DiffAugment({Augmentation::kTranslation}).apply(x, d);
  // Image 0 one row down: row 0 is new (zeros), row i is the old row i - 1.
  EXPECT_TRUE(torch::equal(y[0][0][0], torch::zeros({8})));
  EXPECT_TRUE(torch::equal(y[0][0].slice(0, 1, 8), x[0][0].slice(0, 0, 7)));
  // Image 1 one column left.
  EXPECT_TRUE(torch::equal(y[1][0].select(1, 7), torch::zeros({8})));
  EXPECT_TRUE(torch::equal(y[1][0].slice(1, 0, 7), x[1][0].slice(1, 1, 8)));
}

TEST(DiffAugment, CutoutZeroesAHalfSizeSquareAndColorIsAffine) {
  const auto x = torch::ones({1, 3, 8, 8});
  AugmentationDraw d;
  d.cut_y = torch::tensor({4}, torch::kInt64);
  d.cut_x = torch::tensor({0}, torch::kInt64);  // at the edge: the square is cut by it
  const auto y = DiffAugment({Augmentation::kCutout}).apply(x, d);
  // A 4x4 square centred at (4, 0): rows 2..5, columns -2..1, so 4 x 2 pixels per channel.
  EXPECT_EQ((y == 0).sum().item<int64_t>(), 3 * 4 * 2);
  EXPECT_TRUE(torch::equal(y[0][0].slice(0, 2, 6).slice(1, 0, 2), torch::zeros({4, 2})));

  torch::manual_seed(1);
  const auto images = torch::rand({1, 3, 4, 4}) * 2 - 1;
  AugmentationDraw c;
  c.brightness = torch::tensor({0.25f});
  c.saturation = torch::tensor({1.0f});  // the identity of the saturation step
  c.contrast = torch::tensor({1.0f});    // and of the contrast step
  const auto brighter = DiffAugment({Augmentation::kColor}).apply(images, c);
  EXPECT_TRUE(torch::allclose(brighter, images + 0.25, 1e-6, 1e-6));
  c.brightness = torch::tensor({0.0f});
  c.contrast = torch::tensor({0.5f});
  const auto flatter = DiffAugment({Augmentation::kColor}).apply(images, c);
  EXPECT_TRUE(torch::allclose(flatter, (images - images.mean()) * 0.5 + images.mean(), 1e-6, 1e-6));
}

TEST(DiffAugment, ReproducibleFromTheSeedDifferentAcrossSamplesAndDraws) {
  const DiffAugment augment(parse_augmentations("translation,cutout,color"));
  const auto x = torch::rand({16, 3, 32, 32});
  auto a = make_generator(7, Stream::kAugment, 3, 0), b = make_generator(7, Stream::kAugment, 3, 0);
  auto c = make_generator(7, Stream::kAugment, 3, 1);
  const auto first = augment.apply(x, augment.draw(16, 32, 32, a));
  EXPECT_TRUE(torch::equal(first, augment.apply(x, augment.draw(16, 32, 32, b))));
  EXPECT_FALSE(torch::equal(first, augment.apply(x, augment.draw(16, 32, 32, c))));
  // One image repeated: its 16 copies come out different.
  const auto same = x.slice(0, 0, 1).expand({16, 3, 32, 32}).contiguous();
  const auto out = augment.apply(same, augment.draw(16, 32, 32, c));
  for (int64_t i = 1; i < 16; ++i) EXPECT_FALSE(torch::equal(out[0], out[i])) << i;
  // A rank's rows of a global draw transform its rows exactly as the whole batch does.
  auto g = make_generator(7, Stream::kAugment, 4, 0);
  const AugmentationDraw global = augment.draw(16, 32, 32, g);
  EXPECT_TRUE(torch::equal(augment.apply(x, global).slice(0, 8, 16), augment.apply(x.slice(0, 8, 16), global.rows(8, 16))));
}

TEST(DiffAugment, GradientsPassThrough) {
  const DiffAugment augment(parse_augmentations("translation,cutout,color"));
  auto gen = make_generator(1, Stream::kAugment, 0, 0);
  const auto x = torch::rand({4, 3, 16, 16}).requires_grad_(true);
  const auto y = augment.apply(x, augment.draw(4, 16, 16, gen));
  const auto grad = torch::autograd::grad({y.pow(2).sum()}, {x})[0];
  for (int64_t i = 0; i < 4; ++i) EXPECT_GT(grad[i].abs().sum().item<double>(), 0) << i;
  // Translation alone: the gradient of the sum is 1 on the pixels that stay in view, 0 elsewhere.
  AugmentationDraw d;
  d.shift_y = torch::tensor({2, 0, 0, 0}, torch::kInt64);
  d.shift_x = torch::tensor({0, 0, 0, 0}, torch::kInt64);
  const auto moved = DiffAugment({Augmentation::kTranslation}).apply(x, d);
  const auto g = torch::autograd::grad({moved.sum()}, {x})[0];
  EXPECT_EQ(g[0].sum().item<double>(), 3 * 14 * 16);
  EXPECT_EQ(g[1].sum().item<double>(), 3 * 16 * 16);
}

}  // namespace
}  // namespace wgan

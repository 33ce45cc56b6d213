// The trainer's fast paths (no graph for the fake batch, no critic weight gradients in the
// generator step, real and fake in one critic pass) against the straightforward computation:
// the same losses and weights within float tolerance, for every objective and for critics with
// and without batch norm.
#include <gtest/gtest.h>

#include <tuple>

#include "wgan/data/batch_source.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/networks.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {

// Fixed random images, so that image networks train without a dataset on disk.
class RandomImages : public BatchSource {
 public:
  explicit RandomImages(std::vector<int64_t> shape) : shape_(std::move(shape)) {
    std::vector<int64_t> all = {256};
    all.insert(all.end(), shape_.begin(), shape_.end());
    data_ = torch::rand(all, torch::TensorOptions().dtype(torch::kFloat32)) * 2 - 1;
  }
  torch::Tensor batch(int64_t index, int64_t n) override {
    const int64_t start = (index * n) % (data_.size(0) - n);
    return data_.slice(0, start, start + n);
  }
  std::vector<int64_t> sample_shape() const override { return shape_; }

 private:
  std::vector<int64_t> shape_;
  torch::Tensor data_;
};

TrainConfig config_for(const std::string& loss, const std::string& data, const std::string& norm_d) {
  TrainConfig c;
  c.loss = loss;
  apply_loss_defaults(c);
  c.seed = 4;
  c.batch_size = 16;
  c.threads = 1;
  if (data == "toy") {
    c.dataset = "gaussians25";
    c.g_width = c.d_width = 32;
    c.g_depth = c.d_depth = 2;
  } else {
    c.dataset = "cifar10";
    c.arch = "dcgan";
    c.image_size = 16;
    c.ngf = 16;  // transposed convolutions of 32 and 16 channels: both take the oneDNN route
    c.ndf = 8;
    c.norm_d = parse_choice<Norm>(norm_d);
    c.allow_bn_critic = true;
  }
  // Plain SGD: the weights then differ exactly as the gradients do. (Adam and RMSProp divide
  // by the gradients' running size, which turns float noise in near-zero gradients into
  // full-size differences of the step.)
  for (auto* o : {&c.optimizer_d, &c.optimizer_g}) o->name = OptimizerKind::kSgd, o->lr = 1e-3, o->momentum = 0;
  resolve_automatic_choices(c);
  return c;
}

std::shared_ptr<BatchSource> data_for(const TrainConfig& c) {
  if (is_toy_dataset(c.dataset)) return make_batch_source(c);
  return std::make_shared<RandomImages>(sample_shape(c));
}

TEST(FastPaths, TrainLikeTheStraightforwardComputation) {
  struct Case {
    std::string loss, data, norm_d;
    bool joint;  // whether the fast path may score real and fake together
  };
  const std::vector<Case> cases = {{"wgan-gp", "toy", "", true},
                                   {"wgan", "toy", "", true},
                                   {"gan", "toy", "", true},
                                   {"wgan-gp", "images", "layer", true},
                                   {"wgan", "images", "batch", false}};
  for (const auto& k : cases) {
    SCOPED_TRACE(k.loss + " on " + k.data + " " + k.norm_d);
    TrainConfig fast = config_for(k.loss, k.data, k.norm_d), plain = fast;
    plain.fast_paths = false;
    // The same seed gives the same initial weights and the same data.
    torch::manual_seed(1);
    Trainer a(fast, make_networks(fast), data_for(fast), torch::Device(torch::kCPU));
    torch::manual_seed(1);
    Trainer b(plain, make_networks(plain), data_for(plain), torch::Device(torch::kCPU));
    for (int it = 0; it < 3; ++it) {
      const IterationValues va = to_values(a.train_iteration()), vb = to_values(b.train_iteration());
      EXPECT_NEAR(va.loss_d, vb.loss_d, 1e-4 * (1 + std::fabs(vb.loss_d))) << "iteration " << it;
      EXPECT_NEAR(va.loss_g, vb.loss_g, 1e-4 * (1 + std::fabs(vb.loss_g))) << "iteration " << it;
      EXPECT_NEAR(va.d_real, vb.d_real, 1e-4 * (1 + std::fabs(vb.d_real))) << "iteration " << it;
    }
    for (const auto& pair :
         {std::make_pair(&a.generator(), &b.generator()), std::make_pair(&a.critic(), &b.critic())}) {
      const auto pa = pair.first->parameters(), pb = pair.second->parameters();
      ASSERT_EQ(pa.size(), pb.size());
      for (size_t i = 0; i < pa.size(); ++i)
        EXPECT_TRUE(torch::allclose(pa[i], pb[i], 1e-4, 1e-5)) << "parameter " << i;
    }
  }
}

// --precision bf16: the same iterations under autocast stay close to float32 (bfloat16 keeps
// 8 bits of mantissa, so about 2-3 significant digits) but are not the same computation,
// which shows autocast was really on. The layer-norm critic is the case LibTorch 1.13's CPU
// autocast cannot run by itself.
TEST(Precision, Bf16TrainsLikeFloat32WithinBfloat16Tolerance) {
  for (const auto& [loss, data, norm_d] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"wgan-gp", "toy", ""}, {"wgan-gp", "images", "layer"}, {"wgan", "images", "batch"}, {"gan", "toy", ""}}) {
    SCOPED_TRACE(loss + " on " + data + " " + norm_d);
    TrainConfig f32 = config_for(loss, data, norm_d), bf16 = f32;
    bf16.precision = Precision::kBf16;
    torch::manual_seed(1);
    Trainer a(f32, make_networks(f32), data_for(f32), torch::Device(torch::kCPU));
    torch::manual_seed(1);
    Trainer b(bf16, make_networks(bf16), data_for(bf16), torch::Device(torch::kCPU));
    double largest_difference = 0;
    for (int it = 0; it < 3; ++it) {
      const IterationStats sb = b.train_iteration();
      EXPECT_EQ(sb.loss_d.scalar_type(), torch::kFloat32);
      EXPECT_EQ(sb.loss_g.scalar_type(), torch::kFloat32);
      const IterationValues va = to_values(a.train_iteration()), vb = to_values(sb);
      for (const auto& [x, y] : {std::pair{va.loss_d, vb.loss_d}, {va.loss_g, vb.loss_g}, {va.d_real, vb.d_real}}) {
        EXPECT_NEAR(x, y, 3e-2 * (1 + std::fabs(x))) << "iteration " << it;
        largest_difference = std::max(largest_difference, std::fabs(x - y));
      }
    }
    EXPECT_GT(largest_difference, 1e-6) << "bf16 gave float32's values: autocast was not on";
    for (const auto& p : b.critic().parameters()) EXPECT_EQ(p.scalar_type(), torch::kFloat32);
  }
}

}  // namespace
}  // namespace wgan

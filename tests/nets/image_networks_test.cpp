// Every image architecture at every supported size: shapes, ranges, the seeds' exact layer
// sizes (parameter counts), initialisation, and the sizes they refuse.
#include <gtest/gtest.h>

#include "wgan/config/config.h"
#include "wgan/core/error.h"
#include "wgan/nets/network_family.h"
#include "wgan/train/networks.h"

namespace wgan {
namespace {

int64_t parameter_count(NetworkImpl& network) {
  int64_t n = 0;
  for (const auto& p : network.parameters()) n += p.numel();
  return n;
}

struct Case {
  std::string arch;
  int64_t size;
};

TEST(ImageNetworks, EveryArchitectureMakesImagesOfEverySupportedSize) {
  const std::vector<Case> cases = {{"dcgan", 16},       {"dcgan", 32},       {"dcgan", 64},       {"dcgan", 128},
                                   {"dcgan-mnist", 28}, {"dcgan-mnist", 32}, {"dcgan-mnist", 64}, {"dcgan-dense", 8},
                                   {"dcgan-dense", 32}, {"dcgan-dense", 64}, {"mlp", 28},         {"mlp", 32}};
  for (const auto& [arch, size] : cases) {
    for (int64_t channels : {1, 3}) {
      for (const Norm norm : {Norm::kBatch, Norm::kLayer, Norm::kInstance, Norm::kNone}) {
        SCOPED_TRACE(arch + " " + std::to_string(size) + " channels " + std::to_string(channels));
        ImageNetOptions o;
        o.nz = 10;
        o.channels = channels;
        o.image_size = size;
        o.ngf = o.ndf = 4;
        o.g_width = o.d_width = 16;
        o.norm_g = o.norm_d = norm;
        o.extra_layers = arch == "dcgan" ? 1 : 0;
        NetworkPair nets = make_image_networks(arch, o);
        auto images = nets.generator->forward(torch::randn({3, 10}));
        ASSERT_EQ(images.sizes(), (std::vector<int64_t>{3, channels, size, size}));
        EXPECT_LE(images.abs().max().item<float>(), 1.0f);
        auto scores = nets.critic->forward(images);
        ASSERT_EQ(scores.sizes(), (std::vector<int64_t>{3, 1}));
        if (arch == "mlp") break;  // MLPs have no normalisation choice
      }
    }
  }
}

TEST(ImageNetworks, Seed000DcganHasTheDcganTutorialsParameterCounts) {
  ImageNetOptions o;  // nz 100, 3x64x64, ngf = ndf = 64, batch norm in both
  o.norm_d = Norm::kBatch;
  NetworkPair nets = make_image_networks("dcgan", o);
  // PyTorch's DCGAN tutorial networks, which seed 000 uses: 3,576,704 and 2,765,568.
  EXPECT_EQ(parameter_count(*nets.generator), 3576704);
  EXPECT_EQ(parameter_count(*nets.critic), 2765568);
}

TEST(ImageNetworks, Seed004NetworksHaveTheirLayerSizes) {
  ImageNetOptions o;
  o.nz = 128;
  o.channels = 1;
  o.image_size = 28;
  o.norm_g = o.norm_d = Norm::kNone;
  NetworkPair nets = make_image_networks("dcgan-mnist", o);
  // G: Linear(128, 6272), 2 x ConvT(128, 128, 4), Conv(128, 1, 3); D: Conv(1, 64, 4),
  // Conv(64, 64, 4), Linear(3136, 1); all with biases.
  EXPECT_EQ(parameter_count(*nets.generator), 128 * 6272 + 6272 + 2 * (128 * 128 * 16 + 128) + 128 * 9 + 1);
  EXPECT_EQ(parameter_count(*nets.critic), (16 + 1) * 64 + (64 * 16 + 1) * 64 + 3136 + 1);
}

TEST(ImageNetworks, Seed003NetworksHaveTheirLayerSizes) {
  ImageNetOptions o;
  o.norm_g = Norm::kBatch;
  o.norm_d = Norm::kNone;
  NetworkPair nets = make_image_networks("dcgan-dense", o);
  // G: Dense(100, 8192) + BN(512), ConvT 5x5 512->256->128->64 (+BN), 64->3 with bias.
  const int64_t g = 100 * 8192 + 2 * 512 + 512 * 256 * 25 + 2 * 256 + 256 * 128 * 25 + 2 * 128 + 128 * 64 * 25 +
                    2 * 64 + 64 * 3 * 25 + 3;
  // D: Conv 5x5 3->64->128->256->512 with biases, Dense(8192, 1).
  const int64_t d = (3 * 25 + 1) * 64 + (64 * 25 + 1) * 128 + (128 * 25 + 1) * 256 + (256 * 25 + 1) * 512 + 8192 + 1;
  EXPECT_EQ(parameter_count(*nets.generator), g);
  EXPECT_EQ(parameter_count(*nets.critic), d);
}

TEST(ImageNetworks, DcganInitialisation) {
  ImageNetOptions o;
  o.norm_d = Norm::kBatch;
  NetworkPair nets = make_image_networks("dcgan", o);
  for (const auto& item : nets.critic->named_parameters()) {
    const auto& p = item.value();
    if (p.dim() == 4 && p.numel() > 100000) {
      EXPECT_NEAR(p.std().item<double>(), 0.02, 0.001) << item.key();
      EXPECT_NEAR(p.mean().item<double>(), 0.0, 0.001) << item.key();
    } else if (p.dim() == 1 && item.key().find("weight") != std::string::npos) {
      EXPECT_NEAR(p.mean().item<double>(), 1.0, 0.01) << item.key();  // batch-norm gain
    } else if (p.dim() == 1) {
      EXPECT_EQ(p.abs().max().item<double>(), 0.0) << item.key();  // batch-norm bias
    }
  }
}

TEST(ImageNetworks, UnsupportedSizesAreRefusedWithTheRule) {
  EXPECT_NE(image_size_problem("dcgan", 48).find("16 * 2^k"), std::string::npos);
  EXPECT_NE(image_size_problem("dcgan-dense", 12).find("8 * 2^k"), std::string::npos);
  EXPECT_NE(image_size_problem("dcgan-mnist", 30).find("multiples of 4"), std::string::npos);
  EXPECT_EQ(image_size_problem("dcgan", 64), "");
  ImageNetOptions o;
  o.image_size = 48;
  EXPECT_THROW(make_image_networks("dcgan", o), UsageError);
}

TrainConfig image_config(const std::string& loss) {
  TrainConfig c;
  c.dataset = "mnist";
  c.data_dir = "/somewhere";
  c.loss = loss;
  apply_loss_defaults(c);
  c.arch = "dcgan";
  c.image_size = 32;
  resolve_automatic_choices(c);
  return c;
}

TEST(ImageNetworks, BatchNormCriticIsRefusedUnderWganGpUnlessForced) {
  TrainConfig c = image_config("wgan-gp");
  EXPECT_EQ(c.norm_d, Norm::kLayer);  // the automatic choice under wgan-gp
  EXPECT_NO_THROW(validate(c));
  c.norm_d = Norm::kBatch;
  try {
    validate(c);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("--norm-d batch"), std::string::npos) << e.what();
  }
  c.allow_bn_critic = true;
  EXPECT_NO_THROW(validate(c));
  EXPECT_EQ(image_config("wgan").norm_d, Norm::kBatch);
}

TEST(ImageNetworks, ConfigurationDescribesTheSampleShape) {
  TrainConfig c = image_config("wgan");
  EXPECT_EQ(c.channels, 1);
  EXPECT_EQ(sample_shape(c), (std::vector<int64_t>{1, 32, 32}));
  EXPECT_EQ(c.nz, 100);
  EXPECT_EQ(c.batch_size, 64);
}

}  // namespace
}  // namespace wgan

// The network families' registry is the one place a family is declared: the size rules, the
// automatic choice, the default normalisation, the option table's choices and the docs' table
// all read it.
#include "wgan/nets/network_family.h"

#include <gtest/gtest.h>

#include <set>

#include "../test_util.h"
#include "wgan/config/config.h"
#include "wgan/config/option_table.h"

namespace wgan {
namespace {

TEST(NetworkFamilies, NamesAreUniqueAndTheOptionTableOffersExactlyThem) {
  std::set<std::string> names;
  for (const auto& family : network_families()) EXPECT_TRUE(names.insert(family.name).second) << family.name;
  std::vector<std::string> expected = with_auto(network_family_names());
  expected.push_back(kCustomArch);
  EXPECT_EQ(option_spec("arch").choices, expected);
}

// Every family builds at a size it takes: a generator of that shape and a critic of one score.
TEST(NetworkFamilies, EachBuildsAtTheSizesItTakesAndRefusesTheOthers) {
  for (const auto& family : network_families()) {
    SCOPED_TRACE(family.name);
    int64_t taken = 0;
    for (int64_t size : {28, 32})
      if (family.size_problem(size).empty()) taken = size;
    ASSERT_GT(taken, 0);
    ImageNetOptions o;
    o.nz = 8;
    o.channels = 1;
    o.image_size = taken;
    o.ngf = o.ndf = 4;
    o.g_width = o.d_width = 8;
    o.norm_g = family.norm_g;
    o.norm_d = family.norm_d;
    NetworkPair nets = make_image_networks(family.name, o);
    const auto images = nets.generator->forward(torch::randn({2, 8}));
    EXPECT_EQ(images.sizes(), (std::vector<int64_t>{2, 1, taken, taken}));
    EXPECT_EQ(nets.critic->forward(images).sizes(), (std::vector<int64_t>{2, 1}));
    if (!family.size_problem(30).empty()) {
      o.image_size = 30;
      EXPECT_THROW(make_image_networks(family.name, o), UsageError);
    }
  }
}

TEST(NetworkFamilies, AutoTakesTheFirstAutomaticFamilyThatTakesTheSize) {
  EXPECT_EQ(automatic_image_family(64).name, "dcgan");
  EXPECT_EQ(automatic_image_family(28).name, "dcgan-mnist");
  EXPECT_EQ(automatic_image_family(30).name, "mlp");
  for (int64_t size : {8, 16, 28, 30, 32, 64}) {
    const NetworkFamily& chosen = automatic_image_family(size);
    EXPECT_TRUE(chosen.automatic && chosen.size_problem(size).empty()) << size;
    for (const auto& family : network_families()) {  // no automatic family before it takes the size
      if (&family == &chosen) break;
      EXPECT_FALSE(family.automatic && family.size_problem(size).empty()) << size << " " << family.name;
    }
  }
}

// resolve_automatic_choices takes the norms from the row: the per-sample one under a penalty.
TEST(NetworkFamilies, DefaultNormsComeFromTheRow) {
  for (const auto& family : network_families()) {
    for (const char* loss : {"gan", "wgan-gp"}) {
      SCOPED_TRACE(family.name + " " + loss);
      TrainConfig c;
      c.dataset = "mnist";
      c.loss = loss;
      c.arch = family.name;
      c.image_size = 32;
      resolve_automatic_choices(c);
      EXPECT_EQ(c.norm_g, family.norm_g);
      EXPECT_EQ(c.norm_d, std::string(loss) == "gan" ? family.norm_d : family.norm_d_per_sample);
    }
  }
}

TEST(NetworkFamilies, DocsTableIsTheRegistry) {
  EXPECT_EQ(test::docs_block("datasets.md", "families"), network_families_markdown())
      << "regenerate with: bash scripts/update-docs-tables.sh";
}

TEST(NetworkFamilies, AnUnknownFamilyIsNamedWithTheChoices) {
  const std::string message = test::usage_error_message([] { network_family("resnet"); });
  EXPECT_NE(message.find("resnet"), std::string::npos) << message;
  EXPECT_NE(message.find("dcgan-mnist"), std::string::npos) << message;
}

}  // namespace
}  // namespace wgan

// Checkpoints: bad files are refused with one clear message; a round trip restores everything.
#include "wgan/train/checkpoint.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../test_util.h"
#include "wgan/core/error.h"
#include "wgan/run/run.h"
#include "wgan/train/batch_source_factory.h"

namespace wgan {
namespace {

TrainConfig tiny_config() {
  TrainConfig c;
  c.loss = "wgan-gp";
  apply_loss_defaults(c);
  c.dataset = "gaussians8";
  c.batch_size = 16;
  c.g_width = c.d_width = 16;
  c.g_depth = c.d_depth = 1;
  resolve_automatic_choices(c);
  return c;
}

Trainer tiny_trainer(const TrainConfig& c) {
  return Trainer(c, make_networks(c), make_batch_source(c), torch::Device(torch::kCPU));
}

// The state with the parts some runs add: spectral normalisation's power-iteration vectors
// (critic buffers) and the averaged generator.
TrainConfig normalised_and_averaged() {
  TrainConfig c = tiny_config();
  c.constraint = "sn";
  c.g_ema = true;
  resolve_automatic_choices(c);
  return c;
}

void expect_equal_parameters_and_buffers(NetworkImpl& a, NetworkImpl& b) {
  auto pa = a.parameters(), pb = b.parameters();
  ASSERT_EQ(pa.size(), pb.size());
  for (size_t i = 0; i < pa.size(); ++i) EXPECT_TRUE(torch::equal(pa[i], pb[i]));
  auto ba = a.buffers(), bb = b.buffers();
  ASSERT_EQ(ba.size(), bb.size());
  for (size_t i = 0; i < ba.size(); ++i) EXPECT_TRUE(torch::equal(ba[i], bb[i]));
}

TEST(Checkpoint, RoundTripRestoresNetworksOptimisersAndCounters) {
  for (const TrainConfig& c : {tiny_config(), normalised_and_averaged()}) {
    test::TempDir dir;
    Trainer a = tiny_trainer(c);
    for (int i = 0; i < 3; ++i) a.train_iteration();
    save_checkpoint(dir / "a.pt", a.checkpoint_state(12.5));

    Trainer b = tiny_trainer(c);
    EXPECT_DOUBLE_EQ(b.restore(dir / "a.pt"), 12.5);
    EXPECT_EQ(b.counters().iteration, 3);
    EXPECT_EQ(b.counters().real_batches_drawn, a.counters().real_batches_drawn);
    // Continuing both gives the same numbers: optimiser state came back too.
    for (int i = 0; i < 2; ++i) EXPECT_EQ(to_values(a.train_iteration()).loss_d, to_values(b.train_iteration()).loss_d);
    expect_equal_parameters_and_buffers(a.generator(), b.generator());
    expect_equal_parameters_and_buffers(a.critic(), b.critic());
    ASSERT_EQ(a.networks().averaged_generator == nullptr, !c.g_ema);
    if (c.g_ema)
      expect_equal_parameters_and_buffers(*a.networks().averaged_generator, *b.networks().averaged_generator);
  }
}

TEST(Checkpoint, BadFilesAreRefusedNamingTheFileAndTheProblem) {
  test::TempDir dir;
  const TrainConfig c = tiny_config();
  Trainer trainer = tiny_trainer(c);
  trainer.train_iteration();
  const std::string good = dir / "good.pt";
  save_checkpoint(good, trainer.checkpoint_state(0));
  const std::string bytes = test::read_file(good);

  EXPECT_NE(test::usage_error_message([&] { load_checkpoint(dir / "missing.pt"); }).find("missing.pt: no such file"),
            std::string::npos);

  test::write_bytes(dir / "truncated.pt", bytes.substr(0, bytes.size() / 2));
  EXPECT_NE(test::usage_error_message([&] { load_checkpoint(dir / "truncated.pt"); }).find("truncated"),
            std::string::npos);

  for (size_t at : {size_t{100}, bytes.size() / 2, bytes.size() - 40}) {
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
    test::write_bytes(dir / "flipped.pt", flipped);
    EXPECT_NE(test::usage_error_message([&] { load_checkpoint(dir / "flipped.pt"); }).find("checksum mismatch"),
              std::string::npos)
        << "byte " << at;
  }

  test::write_bytes(dir / "text.pt", "this is not a checkpoint at all");
  EXPECT_NE(test::usage_error_message([&] { load_checkpoint(dir / "text.pt"); }).find("not a wgan checkpoint"),
            std::string::npos);

  // Another architecture, and another objective.
  TrainConfig wider = c;
  wider.d_width = 32;
  Trainer other = tiny_trainer(wider);
  EXPECT_NE(test::usage_error_message([&] { other.restore(good); }).find("d_width"), std::string::npos);
  TrainConfig gan = c;
  gan.loss = "gan";
  apply_loss_defaults(gan);
  Trainer gan_trainer = tiny_trainer(gan);
  EXPECT_NE(test::usage_error_message([&] { gan_trainer.restore(good); }).find("loss"), std::string::npos);

  // The good file still loads.
  EXPECT_EQ(load_checkpoint(good).counters.iteration, 1);
}

TEST(Checkpoint, PruneKeepsTheNewest) {
  test::TempDir dir;
  Trainer trainer = tiny_trainer(tiny_config());
  for (int it : {1, 2, 3, 4}) save_checkpoint(checkpoint_path(dir.path(), it), trainer.checkpoint_state(0));
  prune_checkpoints(dir.path(), 2);
  auto left = list_checkpoints(dir.path());
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0], checkpoint_path(dir.path(), 3));
  EXPECT_EQ(latest_checkpoint(dir.path()), checkpoint_path(dir.path(), 4));
}

}  // namespace
}  // namespace wgan

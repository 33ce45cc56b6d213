// Every rank runs one protocol after each iteration (train/iteration_protocol.h): here two
// ranks train in two threads of this process over Gloo on loopback, each with its own Trainer,
// under a schedule like a GPU's (the divergence flag read only where values are read back, not
// after every iteration), and must read the flag at the same iterations and stop after the same
// one — on a divergence on one rank, a signal to one rank, and rank 0's program asking to stop.
#include "wgan/train/iteration_protocol.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <thread>

#include "poisoned_source.h"
#include "wgan/distributed/process_group.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/networks.h"

namespace wgan {
namespace {

TrainConfig small_config() {
  TrainConfig c;
  c.loss = "wgan-gp";
  apply_loss_defaults(c);
  c.dataset = "gaussians8";
  c.batch_size = 16;
  c.g_width = c.d_width = 16;
  c.g_depth = c.d_depth = 1;
  c.n_critic = 2;
  c.seed = 5;
  c.iters = 20;
  c.log_every = 5;
  c.print_every = 100;  // only the last
  c.eval_every = 0;
  c.sample_every = 0;
  c.checkpoint_every = 4;
  resolve_automatic_choices(c);
  return c;
}

struct RankResult {
  std::vector<int64_t> reads;
  int64_t stopped_after = 0;
  std::string error;  // what ended the rank, if an error did
};

struct Scenario {
  int64_t poisoned_rank = -1, poisoned_from_batch = 0;
  int64_t signalled_rank = -1, signalled_at = 0;  // asked to stop in this iteration
  int64_t callback_stops_at = 0;                  // rank 0's record asks to stop here
};

std::array<RankResult, 2> run_two_ranks(const TrainConfig& config, const Scenario& s) {
  std::array<std::unique_ptr<Trainer>, 2> trainers;
  for (int rank = 0; rank < 2; ++rank) {  // built in turn: the initial weights use the global generator
    std::shared_ptr<BatchSource> data = make_batch_source(config);
    if (rank == s.poisoned_rank) data = std::make_shared<test::PoisonedSource>(data, s.poisoned_from_batch);
    trainers[rank] = std::make_unique<Trainer>(config, make_networks(config), data, torch::Device(torch::kCPU));
  }
  const int port = find_free_port("127.0.0.1");
  std::array<RankResult, 2> results;
  auto run_rank = [&](int rank) {
    RankResult& r = results[rank];
    Trainer& trainer = *trainers[rank];
    try {
      DistOptions o;
      o.world_size = 2;
      o.rank = rank;
      o.master_port = port;
      o.timeout_s = 20;  // a rank left waiting fails the test instead of hanging it
      ProcessGroup group(o);
      join_group(trainer, group);
      // As on a GPU: no read after every iteration, though this is the CPU.
      IterationProtocol protocol(trainer, &group, read_schedule(config, /*reads_are_free=*/false));
      IterationProtocol::Record record;
      if (rank == 0) record = [&](const IterationStats& stats) { return stats.iteration != s.callback_stops_at; };
      try {
        while (trainer.iteration() < config.iters) {
          const bool signalled = rank == s.signalled_rank && trainer.iteration() + 1 == s.signalled_at;
          if (protocol.iteration(signalled, record).stop) break;
        }
      } catch (const std::exception& e) {
        r.error = e.what();
      }
      r.reads = protocol.reads();
    } catch (const std::exception& e) {
      r.error = e.what();
    }
    r.stopped_after = trainer.iteration();
  };
  std::thread other(run_rank, 1);
  run_rank(0);
  other.join();
  return results;
}

// Where values are read back with this configuration: the checkpoints (4), the records (5) and
// the last iteration.
const std::vector<int64_t> kScheduled = {4, 5, 8, 10, 12, 15, 16, 20};
std::vector<int64_t> scheduled_up_to(int64_t it) {
  std::vector<int64_t> out;
  for (int64_t s : kScheduled)
    if (s <= it) out.push_back(s);
  return out;
}

TEST(IterationProtocol, WithoutAStopEveryRankReadsOnlyAtTheScheduledIterations) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  const auto r = run_two_ranks(small_config(), {});
  for (int rank = 0; rank < 2; ++rank) {
    EXPECT_EQ(r[rank].error, "") << "rank " << rank;
    EXPECT_EQ(r[rank].stopped_after, 20) << "rank " << rank;
    EXPECT_EQ(r[rank].reads, kScheduled) << "rank " << rank;
  }
}

TEST(IterationProtocol, ADivergenceOnOneRankStopsEveryRankAtTheSameRead) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  Scenario s;
  s.poisoned_rank = 1;
  s.poisoned_from_batch = 2 * 6;  // n_critic 2: NaN from the first critic step of iteration 7
  const auto r = run_two_ranks(small_config(), s);
  for (int rank = 0; rank < 2; ++rank) {
    // The averaged gradients carry rank 1's NaN to rank 0: both note the same step.
    EXPECT_NE(r[rank].error.find("non-finite critic loss or gradient at iteration 7"), std::string::npos)
        << "rank " << rank << ": " << r[rank].error;
    EXPECT_EQ(r[rank].stopped_after, 8) << "rank " << rank;  // the first read from iteration 7 on
    EXPECT_EQ(r[rank].reads, scheduled_up_to(8)) << "rank " << rank;
  }
}

TEST(IterationProtocol, ASignalToOneRankStopsEveryRankAfterTheSameIteration) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  Scenario s;
  s.signalled_rank = 1;
  s.signalled_at = 7;  // not a scheduled iteration
  const auto r = run_two_ranks(small_config(), s);
  for (int rank = 0; rank < 2; ++rank) {
    EXPECT_EQ(r[rank].error, "") << "rank " << rank;
    EXPECT_EQ(r[rank].stopped_after, 7) << "rank " << rank;
    EXPECT_EQ(r[rank].reads, scheduled_up_to(7)) << "rank " << rank;
  }
}

TEST(IterationProtocol, RankZerosProgramStoppingStopsEveryRankAfterTheSameIteration) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  Scenario s;
  s.callback_stops_at = 10;
  const auto r = run_two_ranks(small_config(), s);
  for (int rank = 0; rank < 2; ++rank) {
    EXPECT_EQ(r[rank].error, "") << "rank " << rank;
    EXPECT_EQ(r[rank].stopped_after, 10) << "rank " << rank;
    EXPECT_EQ(r[rank].reads, scheduled_up_to(10)) << "rank " << rank;
  }
}

}  // namespace
}  // namespace wgan

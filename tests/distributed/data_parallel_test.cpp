// Data-parallel training over c10d/Gloo on loopback: 2 ranks with batch B train exactly like
// one process with batch 2B; a rank that dies or hangs makes the other exit with a message
// naming what happened, within the timeout, and the last checkpoint stays loadable.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fcntl.h>

#include <filesystem>
#include <sstream>
#include <thread>

#include "../test_util.h"
#include "rank_processes.h"
#include "wgan/distributed/data_parallel.h"
#include "wgan/distributed/process_group.h"
#include "wgan/train/checkpoint.h"

namespace wgan {
namespace {

using test::TempDir;
using Clock = std::chrono::steady_clock;
using test::compare_final_parameters;
using test::Difference;
using test::spawn_wgan;
using test::wait_for;
using test::wait_until;

const std::string kSmallToy = "--loss LOSS --iters 5 --g-width 64 --d-width 64 --seed 7 --threads 1 --quiet "
                              "--eval-samples 100 --sample-every 0 --log-every 1";

std::string small_toy(const std::string& loss) {
  std::string args = kSmallToy;
  return args.replace(args.find("LOSS"), 4, loss);
}

// 2 ranks x batch 32 against 1 process x batch 64, same seed: the same data, noise and
// interpolation weights, and gradients averaged over the ranks.
Difference two_ranks_against_one(const std::string& args, const TempDir& dir, const std::string& name,
                                 double loss_tolerance = 1e-5) {
  const auto two = test::run_wgan("train " + args + " --batch-size 32 --nproc 2 --out " + dir / (name + "-two"));
  EXPECT_EQ(two.status, 0) << two.output;
  const auto one = test::run_wgan("train " + args + " --batch-size 64 --out " + dir / (name + "-one"));
  EXPECT_EQ(one.status, 0) << one.output;
  if (two.status != 0 || one.status != 0) return {1e9, 0, 0};
  // The logged values are the averages over the ranks: the one-process values.
  const auto ma = test::metrics_without_time(dir / (name + "-two")), mb = test::metrics_without_time(dir / (name + "-one"));
  EXPECT_EQ(ma.size(), mb.size());
  for (size_t i = 0; i < std::min(ma.size(), mb.size()); ++i)
    for (const char* key : {"loss_d", "loss_g", "wasserstein_estimate"})
      EXPECT_NEAR(ma[i][key].get<double>(), mb[i][key].get<double>(), loss_tolerance) << key << ", record " << i;
  return compare_final_parameters(dir / (name + "-two"), dir / (name + "-one"));
}

TEST(DataParallel, TwoRanksTrainLikeOneProcessWithTwiceTheBatch) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  // WGAN as the paper trains it (RMSProp 5e-5, clipping).
  const Difference wgan = two_ranks_against_one(small_toy("wgan"), dir, "wgan");
  EXPECT_LT(wgan.largest, 1e-5) << "wgan, largest parameter difference after 5 generator iterations";
  // The same with plain SGD on a finite training set (batches from the epoch order of a
  // shuffled set, 500 points: one epoch per 8 batches of 64): float rounding only.
  const Difference finite = two_ranks_against_one(small_toy("wgan") + " --toy-points 500 --optimizer sgd --lr 1e-3", dir, "finite");
  EXPECT_LT(finite.largest, 1e-6) << "wgan on a finite set with SGD";
  // WGAN-GP with the paper's Adam for the generator and SGD for the critic, and the averaged
  // generator (its schedule counts the global batch).
  const Difference gp =
      two_ranks_against_one(small_toy("wgan-gp") + " --optimizer-d sgd --lr-d 1e-3 --g-ema --g-ema-kimg 0.1", dir, "gp");
  EXPECT_LT(gp.largest, 1e-5) << "wgan-gp, largest parameter difference after 5 generator iterations";
  EXPECT_TRUE(load_checkpoint(final_checkpoint_path(dir / "gp-two")).networks.averaged_generator);
}

// The real MNIST digits through seed 004's networks (no batch norm in either): each rank takes
// its rows of the global batch from the shuffled epoch order of the images, and its rows of the
// augmentation's global draw.
TEST(DataParallel, MnistImagesSplitLikeOneProcess) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  const std::string mnist = test::mnist_dir();
  if (mnist.empty()) GTEST_SKIP() << "the MNIST test set is not available; set WGAN_MNIST_DIR";
  TempDir dir;
  const std::string args = "--preset seed004-mnist-gp --data " + mnist +
                           " --ngf 8 --ndf 8 --iters 3 --optimizer sgd --lr 1e-3 --seed 11 --threads 1 --quiet"
                           " --sample-every 0 --log-every 1 --augment translation,cutout,color";
  const auto two = test::run_wgan("train " + args + " --batch-size 8 --nproc 2 --out " + dir / "two");
  ASSERT_EQ(two.status, 0) << two.output;
  const auto one = test::run_wgan("train " + args + " --batch-size 16 --out " + dir / "one");
  ASSERT_EQ(one.status, 0) << one.output;
  EXPECT_LT(compare_final_parameters(dir / "two", dir / "one").largest, 1e-6);
}

// With Adam (eps 1e-8) in the critic too, a parameter whose gradient cancels to float noise
// (a last-layer bias when as many real as fake samples activate its unit) moves by about lr per
// step in the direction of the noise, and the noise of a mean over 64 differs from that of two
// means over 32. Measured: 5-6 of 12,934 elements beyond 1e-5, the largest 1.3e-4 (about one
// step of lr 1e-4); with an SGD critic, 3e-8. A wrong share of the batch or a wrong average
// moves everything.
TEST(DataParallel, WithAdamOnlyNoiseLevelGradientsDiffer) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  const Difference d = two_ranks_against_one(small_toy("wgan-gp"), dir, "adam", 1e-3);
  EXPECT_LT(d.largest, 5e-4);
  EXPECT_LT(d.beyond, d.total / 1000) << d.beyond << " of " << d.total << " elements differ by more than 1e-5";
}

// Ranks 0 and 1 of an endless 2-D run in dir/run, started by hand (--world-size 2 --rank R) on a
// free port, with `extra` arguments; their output in dir/rank0.txt and dir/rank1.txt.
std::pair<pid_t, pid_t> start_two_ranks(const TempDir& dir, const std::vector<std::string>& extra) {
  const std::string port = std::to_string(find_free_port("127.0.0.1"));
  auto args = [&](int rank) {
    std::vector<std::string> a = {"train", "--iters", "100000", "--g-width", "64", "--d-width", "64",
                                  "--threads", "1", "--quiet", "--eval-every", "0", "--sample-every", "0",
                                  "--out", dir / "run", "--world-size", "2", "--rank", std::to_string(rank),
                                  "--master-port", port};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  const pid_t rank0 = spawn_wgan(args(0), dir / "rank0.txt");
  return {rank0, spawn_wgan(args(1), dir / "rank1.txt")};
}

TEST(DataParallel, ARankThatDiesStopsTheOtherWithAClearMessage) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  const auto [rank0, rank1] = start_two_ranks(dir, {"--checkpoint-every", "20", "--dist-timeout", "20"});
  const bool checkpointed = wait_until([&] { return !latest_checkpoint(dir / "run").empty(); }, 120);
  kill(rank1, SIGKILL);
  const auto killed_at = Clock::now();
  const int status = wait_for(rank0, 30);
  const double took = std::chrono::duration<double>(Clock::now() - killed_at).count();
  if (status < 0) kill(rank0, SIGKILL);
  waitpid(rank1, nullptr, 0);
  ASSERT_TRUE(checkpointed) << test::read_file(dir / "rank0.txt");
  const std::string output = test::read_file(dir / "rank0.txt");
  EXPECT_EQ(status, 1) << output;
  EXPECT_LT(took, 20) << "rank 0 waited longer than --dist-timeout";
  EXPECT_NE(output.find("rank 0 of 2: lost the other ranks"), std::string::npos) << output;
  EXPECT_NE(output.find("last checkpoint: " + latest_checkpoint(dir / "run")), std::string::npos) << output;
  EXPECT_EQ(test::count_lines(output.substr(output.find("wgan: error"))), 1) << output;
  EXPECT_NO_THROW(load_checkpoint(latest_checkpoint(dir / "run")));
}

TEST(DataParallel, ARankThatHangsStopsTheOtherAfterTheTimeout) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  const auto [rank0, rank1] = start_two_ranks(dir, {"--dist-timeout", "3"});
  const bool training = wait_until([&] { return test::count_lines(test::read_file(dir / "run/metrics.jsonl")) >= 2; }, 120);
  kill(rank1, SIGSTOP);
  const auto stopped_at = Clock::now();
  const int status = wait_for(rank0, 30);
  const double took = std::chrono::duration<double>(Clock::now() - stopped_at).count();
  if (status < 0) kill(rank0, SIGKILL);
  kill(rank1, SIGKILL);
  waitpid(rank1, nullptr, 0);
  ASSERT_TRUE(training) << test::read_file(dir / "rank0.txt");
  const std::string output = test::read_file(dir / "rank0.txt");
  EXPECT_EQ(status, 1) << output;
  EXPECT_GE(took, 2.5) << output;
  EXPECT_LT(took, 15) << output;
  EXPECT_NE(output.find("rank 0 of 2: lost the other ranks"), std::string::npos) << output;
}

TEST(DataParallel, TheLauncherNamesTheRankThatDied) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  const pid_t launcher = spawn_wgan({"train", "--iters", "100000", "--g-width", "64", "--d-width", "64", "--quiet",
                                     "--eval-every", "0", "--sample-every", "0", "--out", dir / "run", "--nproc", "2",
                                     "--dist-timeout", "20"},
                                    dir / "launcher.txt");
  ASSERT_TRUE(wait_until([&] { return test::count_lines(test::read_file(dir / "run/metrics.jsonl")) >= 2; }, 120))
      << test::read_file(dir / "launcher.txt");
  // Rank 1: the child whose command line says so.
  const auto children = test::run_command("pgrep -P " + std::to_string(launcher) + " -a");
  pid_t rank1 = -1;
  std::istringstream lines(children.output);
  for (std::string line; std::getline(lines, line);)
    if (line.find("--rank 1") != std::string::npos) rank1 = std::stoi(line);
  ASSERT_GT(rank1, 0) << children.output;
  kill(rank1, SIGKILL);
  const int status = wait_for(launcher, 40);
  if (status < 0) kill(launcher, SIGKILL);
  const std::string output = test::read_file(dir / "launcher.txt");
  EXPECT_EQ(status, 1) << output;
  EXPECT_NE(output.find("rank 1 (pid " + std::to_string(rank1) + ") was killed by signal 9"), std::string::npos)
      << output;
}

// SIGTERM to the launcher reaches both ranks; they agree to stop after the same iteration, rank 0
// writes the checkpoint, and a resume with --nproc 2 ends bit for bit where a straight run does.
TEST(DataParallel, StopAndResumeLikeAStraightRun) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  const std::string args = "train --iters 300 --g-width 32 --d-width 32 --batch-size 32 --seed 3 --quiet "
                           "--eval-every 100 --eval-samples 100 --sample-every 0 --checkpoint-every 0 --nproc 2";
  ASSERT_EQ(test::run_wgan(args + " --out " + dir / "straight").status, 0);
  std::vector<std::string> argv = {"train"};
  std::istringstream words(args.substr(6) + " --out " + dir / "stopped");
  for (std::string w; words >> w;) argv.push_back(w);
  const pid_t launcher = spawn_wgan(argv, dir / "launcher.txt");
  ASSERT_TRUE(wait_until([&] { return test::count_lines(test::read_file(dir / "stopped/metrics.jsonl")) >= 3; }, 120));
  kill(launcher, SIGTERM);
  const int status = wait_for(launcher, 60);
  if (status < 0) kill(launcher, SIGKILL);
  ASSERT_EQ(status, 0) << test::read_file(dir / "launcher.txt");
  const std::string log = test::read_file(dir / "stopped/log.txt");
  EXPECT_NE(log.find("stopped by signal 15"), std::string::npos) << log;
  ASSERT_FALSE(list_checkpoints(dir / "stopped").empty());
  EXPECT_LT(load_checkpoint(list_checkpoints(dir / "stopped").back()).counters.iteration, 300);

  const auto resumed = test::run_wgan("train --resume " + dir / "stopped" + " --nproc 2");
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  const Difference d = compare_final_parameters(dir / "straight", dir / "stopped");
  EXPECT_EQ(d.largest, 0.0);
  EXPECT_EQ(test::metrics_without_time(dir / "straight"), test::metrics_without_time(dir / "stopped"));
  // Rank 0 alone writes TensorBoard's event files: one per session, not one per rank.
  int event_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "stopped"))
    event_files += entry.path().filename().string().rfind("events.out.tfevents.", 0) == 0;
  EXPECT_EQ(event_files, 2);
}

// config.json is enough to rebuild the run: it says how many ranks trained it, and both the
// per-rank and the global batch; a resume on another number of ranks is refused, naming it.
TEST(DataParallel, ConfigRecordsTheWorldSizeAndBothBatchSizes) {
  if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
  TempDir dir;
  const auto two = test::run_wgan("train " + small_toy("wgan-gp") + " --batch-size 32 --nproc 2 --out " + dir / "two");
  ASSERT_EQ(two.status, 0) << two.output;
  const auto config = nlohmann::json::parse(test::read_file(dir / "two/config.json"));
  EXPECT_EQ(config.at("world_size"), 2);
  EXPECT_EQ(config.at("batch_size"), 32);
  EXPECT_EQ(config.at("global_batch_size"), 64);
  EXPECT_EQ(load_checkpoint(latest_checkpoint(dir / "two")).config.world_size, 2);
  test::expect_usage_error("train --resume " + dir / "two" + " --iters 6", "world_size = 2");
}

TEST(DataParallel, FlagsAreChecked) {
  test::expect_usage_error("train --world-size 2 --rank 2", "--rank 2: expected 0 to 1");
  test::expect_usage_error("train --nproc 2 --world-size 2", "expected one of the two");
  test::expect_usage_error("train --nproc 0", "--nproc: expected a positive integer");
  test::expect_usage_error("train --world-size 2 --dist-timeout 0", "--dist-timeout: expected a positive number");
}

}  // namespace
}  // namespace wgan

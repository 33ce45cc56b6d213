// Stop and resume through the command line: a resumed run equals a straight one bit for bit,
// however it was stopped; a killed writer never leaves an unloadable last checkpoint.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "../test_util.h"
#include "wgan/train/checkpoint.h"

namespace wgan::test {
namespace {

const std::string kRun =
    "train --loss wgan-gp --dataset gaussians25 --batch-size 64 --g-width 32 --d-width 32 "
    "--log-every 5 --eval-every 10 --eval-samples 200 --threads 1 --seed 9 ";

void expect_same_final_state(const std::string& a, const std::string& b) {
  CheckpointState x = load_checkpoint(final_checkpoint_path(a));
  CheckpointState y = load_checkpoint(final_checkpoint_path(b));
  EXPECT_EQ(x.counters.iteration, y.counters.iteration);
  EXPECT_EQ(x.counters.real_batches_drawn, y.counters.real_batches_drawn);
  ASSERT_EQ(x.networks.averaged_generator == nullptr, y.networks.averaged_generator == nullptr);
  for (auto [p, q] : {std::pair{x.networks.generator, y.networks.generator},
                      std::pair{x.networks.critic, y.networks.critic},
                      std::pair{x.networks.averaged_generator, y.networks.averaged_generator}}) {
    if (!p) continue;
    auto pp = p->parameters(), qq = q->parameters();
    ASSERT_EQ(pp.size(), qq.size());
    for (size_t i = 0; i < pp.size(); ++i) EXPECT_TRUE(torch::equal(pp[i], qq[i]));
  }
  EXPECT_EQ(metrics_without_time(a), metrics_without_time(b));
}

// Starts wgan in the background; returns its pid.
pid_t spawn_wgan(const std::string& arguments) {
  pid_t pid = fork();
  if (pid == 0) {
    const std::string command = "exec " + std::string(WGAN_BINARY) + " " + arguments + " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// With the averaged generator, which is part of the state, and both generators' metrics.
TEST(Resume, NPlusResumeNEqualsTwoNStraight) {
  TempDir dir;
  const std::string run = kRun + "--g-ema --g-ema-kimg 1 --generator both ";
  ASSERT_EQ(run_wgan(run + "--iters 40 --out " + (dir / "straight")).status, 0);
  ASSERT_EQ(run_wgan(run + "--iters 20 --out " + (dir / "split")).status, 0);
  CommandResult r = run_wgan("train --resume " + (dir / "split") + " --iters 40");
  ASSERT_EQ(r.status, 0) << r.output;
  expect_same_final_state(dir / "straight", dir / "split");

  // A changed option is refused, naming it.
  CommandResult refused = run_wgan("train --resume " + (dir / "split") + " --iters 50 --lr 0.1");
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.output.find("--lr cannot be given with --resume"), std::string::npos);
}

// One option of each resume class through the command line (the rule of every option is
// tested against the table in option_table_test.cpp).
TEST(Resume, EachOptionClassIsTreatedAsDeclared) {
  TempDir dir;
  ASSERT_EQ(run_wgan(kRun + "--iters 10 --out " + (dir / "run")).status, 0);
  const std::string resume = "train --resume " + (dir / "run") + " --iters 12 ";
  // Result-changing: the stored value is accepted, another is refused naming the stored one.
  test::expect_usage_error(resume + "--seed 10", "seed = 9");
  // Structural: the same.
  test::expect_usage_error(resume + "--g-width 64", "g_width = 32");
  test::expect_usage_error(resume + "--preset demo", "--preset cannot be given with --resume");
  // May change: taken, and recorded in config.json.
  CommandResult r = run_wgan(resume + "--seed 9 --g-width 32 --eval-samples 150 --on-nan skip");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto config = nlohmann::json::parse(read_file(dir / "run/config.json"));
  EXPECT_EQ(config["eval_samples"], 150);
  EXPECT_EQ(config["on_nan"], "skip");
  EXPECT_EQ(config["iters"], 12);
}

TEST(Resume, SigtermStopsWithACheckpointAndResumesExactly) {
  TempDir dir;
  ASSERT_EQ(run_wgan(kRun + "--iters 300 --out " + (dir / "straight")).status, 0);
  const std::string run = dir / "stopped";
  pid_t pid = spawn_wgan(kRun + "--iters 300 --checkpoint-every 0 --out " + run);
  // Wait until training is under way, then ask it to stop.
  for (int i = 0; i < 600 && read_file(run + "/metrics.jsonl").empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(pid, SIGTERM);
  ASSERT_EQ(wait_status(pid), 0);
  const std::string log = read_file(run + "/log.txt");
  EXPECT_NE(log.find("resume with: wgan train --resume"), std::string::npos) << log;
  ASSERT_FALSE(list_checkpoints(run).empty());
  EXPECT_LT(load_checkpoint(list_checkpoints(run).back()).counters.iteration, 300);

  CommandResult r = run_wgan("train --resume " + run);
  ASSERT_EQ(r.status, 0) << r.output;
  expect_same_final_state(dir / "straight", run);
}

TEST(Resume, KilledWhileCheckpointingLeavesALoadableCheckpoint) {
  TempDir dir;
  const std::string run = dir / "killed";
  // A checkpoint every iteration: kills land inside checkpoint writes often.
  const std::string args = kRun + "--iters 100000 --checkpoint-every 1 --keep-checkpoints 2 ";
  pid_t pid = spawn_wgan(args + "--out " + run);
  // The first checkpoint must exist before the first kill; on a loaded machine (ctest -j)
  // start-up alone can take longer than the kill interval.
  for (int waited = 0; waited < 600 && latest_checkpoint(run).empty(); ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  for (int round = 0; round < 6; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(700 + 137 * round));
    kill(pid, SIGKILL);
    wait_status(pid);
    const std::string last = latest_checkpoint(run);
    ASSERT_FALSE(last.empty()) << "round " << round;
    EXPECT_NO_THROW(load_checkpoint(last)) << last;
    pid = spawn_wgan("train --resume " + run);
  }
  kill(pid, SIGKILL);
  wait_status(pid);
  EXPECT_NO_THROW(load_checkpoint(latest_checkpoint(run)));
}

TEST(Divergence, StopsNamingTheIterationOrSkipsAndCounts) {
  TempDir dir;
  const std::string exploding = "train --loss wgan-gp --optimizer sgd --lr 1e30 --iters 20 "
                                "--batch-size 32 --g-width 16 --d-width 16 --threads 1 ";
  CommandResult stop = run_wgan(exploding + "--checkpoint-every 1 --out " + (dir / "stop"));
  EXPECT_EQ(stop.status, 1) << stop.output;
  EXPECT_NE(stop.output.find("non-finite"), std::string::npos) << stop.output;
  EXPECT_NE(stop.output.find("at iteration"), std::string::npos) << stop.output;
  EXPECT_NE(stop.output.find("last good checkpoint"), std::string::npos) << stop.output;

  CommandResult skip = run_wgan(exploding + "--on-nan skip --out " + (dir / "skip"));
  EXPECT_EQ(skip.status, 0) << skip.output;
  EXPECT_NE(read_file(dir / "skip/metrics.jsonl").find("skipped_steps"), std::string::npos);
}

}  // namespace
}  // namespace wgan::test

// Data-parallel training between two hosts rather than over loopback: each rank in its own
// network namespace, the two joined by a veth pair (iproute2; needs root, as CI has). A link
// that goes down mid-run ends both ranks within --dist-timeout, each with one line naming
// itself and the last checkpoint; with the link back, a resume ends bit for bit where a straight
// run does.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>

#include "../test_util.h"
#include "rank_processes.h"
#include "wgan/distributed/process_group.h"
#include "wgan/train/checkpoint.h"

namespace wgan {
namespace {

using test::TempDir;
using Clock = std::chrono::steady_clock;

// Two namespaces, a and b, with the veth ends 10.231.0.1 and 10.231.0.2; removed at the end.
class TwoHosts : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ProcessGroup::available()) GTEST_SKIP() << "built without c10d/Gloo";
    const std::string id = std::to_string(::getpid());
    a_ = "wgan-a-" + id;
    b_ = "wgan-b-" + id;
    link_a_ = "wa" + id;
    link_b_ = "wb" + id;
    const auto made = test::run_command(
        "ip netns add " + a_ + " && ip netns add " + b_ + " && ip link add " + link_a_ + " netns " + a_ +
        " type veth peer name " + link_b_ + " netns " + b_ + " && ip -n " + a_ + " addr add 10.231.0.1/24 dev " +
        link_a_ + " && ip -n " + b_ + " addr add 10.231.0.2/24 dev " + link_b_ + " && ip -n " + a_ +
        " link set lo up && ip -n " + b_ + " link set lo up && ip -n " + a_ + " link set " + link_a_ +
        " up && ip -n " + b_ + " link set " + link_b_ + " up 2>&1");
    if (made.status != 0) {
      TearDown();
      GTEST_SKIP() << "cannot make two network namespaces joined by veth (needs root and iproute2): "
                   << made.output;
    }
  }
  void TearDown() override {
    if (!a_.empty()) test::run_command("ip netns del " + a_ + " 2>/dev/null; ip netns del " + b_ + " 2>/dev/null");
  }

  // `wgan ARGS --world-size 2 --rank R` in host a (rank 0) or b (rank 1), rendezvous at a.
  pid_t start_rank(int rank, std::vector<std::string> args, const std::string& output) const {
    for (const std::string& a : {std::string("--world-size"), std::string("2"), std::string("--rank"),
                                 std::to_string(rank), std::string("--master-addr"), std::string("10.231.0.1"),
                                 std::string("--master-port"), std::string("29517")})
      args.push_back(a);
    return test::spawn_wgan(args, output, {"ip", "netns", "exec", rank == 0 ? a_ : b_});
  }
  void set_link(bool up) const {
    ASSERT_EQ(test::run_command("ip -n " + b_ + " link set " + link_b_ + (up ? " up" : " down")).status, 0);
  }

  std::string a_, b_, link_a_, link_b_;
};

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST_F(TwoHosts, ALinkThatGoesDownEndsBothRanksAndTheRunResumesBitForBit) {
  TempDir dir;
  const std::string args = "train --iters 1000 --g-width 32 --d-width 32 --batch-size 32 --seed 3 --quiet --threads 1 "
                           "--eval-every 1000 --eval-samples 100 --sample-every 0 --checkpoint-every 50";
  const auto straight = test::run_wgan(args + " --nproc 2 --out " + dir / "straight");
  ASSERT_EQ(straight.status, 0) << straight.output;

  const auto run = words(args + " --dist-timeout 5 --out " + dir / "run");
  const pid_t rank0 = start_rank(0, run, dir / "rank0.txt");
  const pid_t rank1 = start_rank(1, run, dir / "rank1.txt");
  const bool checkpointed = test::wait_until([&] { return !latest_checkpoint(dir / "run").empty(); }, 120);
  set_link(false);
  const auto down_at = Clock::now();
  const int status0 = test::wait_for(rank0, 40), status1 = test::wait_for(rank1, 40);
  const double took = std::chrono::duration<double>(Clock::now() - down_at).count();
  for (pid_t pid : {rank0, rank1}) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  ASSERT_TRUE(checkpointed) << test::read_file(dir / "rank0.txt");
  const std::string out0 = test::read_file(dir / "rank0.txt"), out1 = test::read_file(dir / "rank1.txt");
  EXPECT_EQ(status0, 1) << out0;
  EXPECT_EQ(status1, 1) << out1;
  EXPECT_LT(took, 5 + 15) << "the ranks waited much longer than --dist-timeout 5";
  for (const auto& [output, rank] : {std::pair{out0, "rank 0 of 2"}, std::pair{out1, "rank 1 of 2"}}) {
    ASSERT_NE(output.find("wgan: error"), std::string::npos) << output;
    EXPECT_EQ(test::count_lines(output.substr(output.find("wgan: error"))), 1) << output;
    EXPECT_NE(output.find(std::string(rank) + ": lost the other ranks"), std::string::npos) << output;
  }
  EXPECT_NE(out0.find("last checkpoint: " + latest_checkpoint(dir / "run")), std::string::npos) << out0;

  set_link(true);
  const auto resume = words("train --resume " + dir / "run" + " --threads 1");
  const pid_t again0 = start_rank(0, resume, dir / "again0.txt");
  const pid_t again1 = start_rank(1, resume, dir / "again1.txt");
  const int resumed0 = test::wait_for(again0, 300), resumed1 = test::wait_for(again1, 60);
  for (pid_t pid : {again0, again1})
    if (kill(pid, SIGKILL) == 0) waitpid(pid, nullptr, 0);
  ASSERT_EQ(resumed0, 0) << test::read_file(dir / "again0.txt");
  ASSERT_EQ(resumed1, 0) << test::read_file(dir / "again1.txt");
  const test::Difference d = test::compare_final_parameters(dir / "straight", dir / "run");
  EXPECT_EQ(d.largest, 0.0);
  EXPECT_EQ(test::metrics_without_time(dir / "straight"), test::metrics_without_time(dir / "run"));
}

}  // namespace
}  // namespace wgan

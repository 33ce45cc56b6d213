#include "wgan/core/free_cores.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace wgan {
namespace {

TEST(FreeCores, ThreadsAreTheFreeCoresRoundedAndAtLeastOne) {
  EXPECT_EQ(threads_for(2, 2, 0.0), 2);
  EXPECT_EQ(threads_for(2, 2, 0.4), 2);  // a light process leaves both
  EXPECT_EQ(threads_for(2, 2, 0.6), 1);
  EXPECT_EQ(threads_for(2, 2, 1.0), 1);  // another run on one core
  EXPECT_EQ(threads_for(2, 2, 2.0), 1);  // never below one
  EXPECT_EQ(threads_for(4, 16, 3.0), 4);  // never above the maximum
  EXPECT_EQ(threads_for(16, 16, 3.0), 13);
  EXPECT_EQ(threads_for(8, 2, 0.0), 2);  // never above the cores
}

TEST(FreeCores, OthersAreTheMachinesBusyTimeLessThisProcesss) {
  const CpuTicks before{100, 1000, 50, 2};
  const CpuTicks after{700, 2000, 350, 2};
  // 600 busy ticks of 1,000, 300 of them this process's: 30 % of two cores.
  EXPECT_DOUBLE_EQ(others_busy_cores(before, after), 0.6);
  EXPECT_DOUBLE_EQ(others_busy_cores(after, after), 0.0);  // no time passed
}

// A child process spinning on one core for the life of the object.
class BusyChild {
 public:
  BusyChild() : pid_(fork()) {
    if (pid_ == 0) {
      for (volatile uint64_t i = 0;; i = i + 1) {
      }
    }
  }
  ~BusyChild() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }

 private:
  pid_t pid_;
};

TEST(FreeCores, AnotherBusyProcessIsSeenFromTheKernelsCounters) {
  const auto before = read_cpu_ticks();
  ASSERT_TRUE(before.has_value()) << "no /proc/stat";
  EXPECT_GE(before->cores, 1);
  EXPECT_LE(before->busy, before->total);
  {
    BusyChild child;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const auto after = read_cpu_ticks();
    ASSERT_TRUE(after.has_value());
    // At least most of a core: the child's (and whatever else runs beside this test).
    EXPECT_GE(others_busy_cores(*before, *after), 0.7);
  }
}

TEST(FreeCores, OwnWorkIsNotCountedAsOthers) {
  const auto before = read_cpu_ticks();
  ASSERT_TRUE(before.has_value());
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(600);
  volatile uint64_t spins = 0;
  while (std::chrono::steady_clock::now() < until) spins = spins + 1;
  const auto after = read_cpu_ticks();
  ASSERT_TRUE(after.has_value());
  // This process's own clock ticks grew by most of the 0.6 s it spun.
  EXPECT_GE(static_cast<double>(after->self - before->self) / sysconf(_SC_CLK_TCK), 0.3);
}

TEST(FreeCores, ThreadShareDecidesOncePerIntervalAndGivesWayToABusyProcess) {
  const auto ticks = read_cpu_ticks();
  ASSERT_TRUE(ticks.has_value());
  const int64_t cores = ticks->cores;
  if (cores < 2) GTEST_SKIP() << "one core: nothing to give way";
  ThreadShare share(cores, std::chrono::seconds(1));
  BusyChild child;
  EXPECT_FALSE(share.poll(ThreadShare::Clock::now()).has_value());  // within the interval
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto threads = share.poll(ThreadShare::Clock::now() + std::chrono::seconds(1));
  ASSERT_TRUE(threads.has_value()) << "others busy " << share.others_busy();
  EXPECT_LT(*threads, cores);
  EXPECT_GE(*threads, 1);
}

}  // namespace
}  // namespace wgan

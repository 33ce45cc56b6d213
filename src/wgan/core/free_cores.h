// The cores other processes leave free, and the threads a run takes from them. LibTorch's
// OpenMP threads wait for work by spinning: two runs with two threads each on two cores made
// each other ten times slower, not two (docs/performance.md, "Sharing the machine"). A run that
// sees another process busy trains with fewer threads until it is gone.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>

namespace wgan {

// Clock ticks from the kernel's counters: the machine's (/proc/stat's first line) and this
// process's, all its threads (/proc/self/stat).
struct CpuTicks {
  uint64_t busy = 0, total = 0, self = 0;
  int cores = 0;  // cpuN lines of /proc/stat
};
// nullopt where /proc cannot be read (not Linux, no procfs).
std::optional<CpuTicks> read_cpu_ticks();

// Cores' worth of time other processes used between two readings.
double others_busy_cores(const CpuTicks& before, const CpuTicks& after);

// The threads to use, from at most `max_threads` on `cores` cores with `others_busy` of them
// taken: the free cores rounded to the nearest whole, at least 1.
int64_t threads_for(int64_t max_threads, int cores, double others_busy);

// Re-decides the thread count from the load every `interval` of wall time.
class ThreadShare {
 public:
  using Clock = std::chrono::steady_clock;
  ThreadShare(int64_t max_threads, std::chrono::milliseconds interval);
  // The new thread count when it should change now, else nullopt. Cheap between intervals.
  std::optional<int64_t> poll(Clock::time_point now = Clock::now());
  // Other processes' load at the last decision, in cores.
  double others_busy() const { return others_busy_; }

 private:
  int64_t max_threads_, threads_;
  std::chrono::milliseconds interval_;
  Clock::time_point last_;
  std::optional<CpuTicks> ticks_;
  double others_busy_ = 0;
};

}  // namespace wgan

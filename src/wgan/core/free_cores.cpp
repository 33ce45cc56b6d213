#include "wgan/core/free_cores.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace wgan {
namespace {

// utime + stime of /proc/self/stat: fields 14 and 15, counted after the command name, which is
// in parentheses and may itself hold spaces.
std::optional<uint64_t> read_self_ticks() {
  std::ifstream in("/proc/self/stat");
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  const auto close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(line.substr(close + 1));
  std::string field;
  uint64_t utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {  // field 3 is the state
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  if (!fields) return std::nullopt;
  return utime + stime;
}

}  // namespace

std::optional<CpuTicks> read_cpu_ticks() {
  std::ifstream in("/proc/stat");
  std::string line;
  CpuTicks ticks;
  bool have_total = false;
  while (std::getline(in, line)) {
    if (line.rfind("cpu ", 0) == 0) {
      std::istringstream fields(line.substr(4));
      // user nice system idle iowait irq softirq steal (guest time is inside user)
      uint64_t v[8] = {};
      for (auto& x : v) fields >> x;
      if (!fields) return std::nullopt;
      ticks.busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
      ticks.total = ticks.busy + v[3] + v[4];
      have_total = true;
    } else if (line.rfind("cpu", 0) == 0) {
      ++ticks.cores;
    }
  }
  const auto self = read_self_ticks();
  if (!have_total || ticks.cores == 0 || !self) return std::nullopt;
  ticks.self = *self;
  return ticks;
}

double others_busy_cores(const CpuTicks& before, const CpuTicks& after) {
  if (after.total <= before.total) return 0;
  const double busy = static_cast<double>(after.busy - std::min(after.busy, before.busy));
  const double self = static_cast<double>(after.self - std::min(after.self, before.self));
  const double share = std::max(0.0, busy - self) / static_cast<double>(after.total - before.total);
  return share * after.cores;
}

int64_t threads_for(int64_t max_threads, int cores, double others_busy) {
  const auto free = static_cast<int64_t>(std::floor(cores - others_busy + 0.5));
  return std::clamp<int64_t>(free, 1, std::max<int64_t>(max_threads, 1));
}

ThreadShare::ThreadShare(int64_t max_threads, std::chrono::milliseconds interval)
    : max_threads_(max_threads), threads_(max_threads), interval_(interval), last_(Clock::now()),
      ticks_(read_cpu_ticks()) {}

std::optional<int64_t> ThreadShare::poll(Clock::time_point now) {
  if (!ticks_ || now - last_ < interval_) return std::nullopt;
  const auto ticks = read_cpu_ticks();
  if (!ticks) return std::nullopt;
  others_busy_ = others_busy_cores(*ticks_, *ticks);
  ticks_ = ticks;
  last_ = now;
  const int64_t threads = threads_for(max_threads_, ticks->cores, others_busy_);
  if (threads == threads_) return std::nullopt;
  threads_ = threads;
  return threads;
}

}  // namespace wgan

// A live progress line on a terminal: a bar, the iteration, it/s, the ETA and the latest logged
// values, redrawn in place at most a few times a second. Lines printed meanwhile first clear
// it. Not used when the output is not a terminal (logs, CI get plain periodic lines) or with
// --quiet.
#pragma once
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace wgan {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  ~ProgressBar() { clear(); }
  // Redraws when enabled and at least 0.2 s passed since the last redraw (or when forced).
  void update(int64_t iteration, int64_t total, double rate, const std::string& status, bool force = false);
  // Erases the bar so that a normal line can be printed.
  void clear();
  bool enabled() const { return enabled_; }

 private:
  std::ostream& out_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// "1h02m" / "3m07s".
std::string format_duration(double seconds);

// True when standard output is a terminal.
bool stdout_is_terminal();

}  // namespace wgan

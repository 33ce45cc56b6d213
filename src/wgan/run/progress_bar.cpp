#include "wgan/run/progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

namespace wgan {

std::string format_duration(double seconds) {
  char text[32];
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  else
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  return text;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

void ProgressBar::update(int64_t iteration, int64_t total, double rate, const std::string& status, bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  constexpr int kWidth = 24;
  const double done = total > 0 ? static_cast<double>(iteration) / total : 0;
  const int filled = static_cast<int>(done * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  const double eta = rate > 0 ? (total - iteration) / rate : 0;
  char text[256];
  std::snprintf(text, sizeof text, "\r\033[K[%s] %lld/%lld %5.1f it/s ETA %s  %s", bar.c_str(),
                static_cast<long long>(iteration), static_cast<long long>(total), rate, format_duration(eta).c_str(),
                status.c_str());
  out_ << text << std::flush;
  shown_ = true;
}

void ProgressBar::clear() {
  if (!enabled_ || !shown_) return;
  out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace wgan

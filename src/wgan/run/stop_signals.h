// SIGINT and SIGTERM during a run: instead of dying mid-iteration, the run finishes the current
// iteration, writes a checkpoint and returns.
#pragma once

namespace wgan {

// Installs the handlers for its lifetime and restores the old ones.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  bool requested() const;
  int signal() const;  // the signal received, 0 if none

 private:
  void (*old_int_)(int);
  void (*old_term_)(int);
};

}  // namespace wgan

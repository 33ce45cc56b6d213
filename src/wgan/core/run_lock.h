// One owner per run directory: an exclusive flock on DIR/.lock, held for as long as the object
// lives and released by the kernel when the process ends, so a killed run never needs cleaning.
// The owner writes its pid into the file, so that a second process can say whose it is.
#pragma once
#include <string>

namespace wgan {

class RunLock {
 public:
  RunLock() = default;
  // Takes the lock of `run_dir` (which must exist); UsageError naming the directory and the
  // owner's pid when another process holds it, or the reason when the file cannot be made.
  explicit RunLock(const std::string& run_dir);
  ~RunLock();
  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&& other) noexcept;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace wgan

#include "wgan/core/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "wgan/core/error.h"
#include "wgan/core/run_layout.h"

namespace wgan {

RunLock::RunLock(const std::string& run_dir) {
  const std::string path = RunLayout(run_dir) / RunLayout::kLock;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw UsageError(run_dir + ": cannot create its lock file (" + std::strerror(errno) + ")");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int why = errno;
    char owner[32] = {0};
    const ssize_t n = ::pread(fd_, owner, sizeof owner - 1, 0);
    ::close(fd_);
    fd_ = -1;
    if (why == EWOULDBLOCK) {
      const std::string pid = n > 0 ? std::string(owner, static_cast<size_t>(n)) : std::string("unknown");
      throw UsageError(run_dir + ": in use by process " + pid.substr(0, pid.find('\n')) +
                       "; expected a run directory no other wgan process is writing");
    }
    throw UsageError(run_dir + ": cannot lock it (" + std::strerror(why) + ")");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is only for messages; the lock itself is what counts.
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

RunLock::RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

RunLock& RunLock::operator=(RunLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

}  // namespace wgan

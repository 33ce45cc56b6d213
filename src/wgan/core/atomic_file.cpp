#include "wgan/core/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "wgan/core/error.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

void fsync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw RunError("cannot open " + path + " to sync it: " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw RunError("cannot sync " + path + ": " + std::strerror(errno));
}

// Fault injection for the tests: WGAN_FAIL_WRITES=TEXT makes every write of a path that
// contains TEXT fail as a full disk does (ENOSPC), WGAN_FAIL_WRITES=EIO:TEXT as a failing disk
// does (EIO), so that what a run keeps and says then is tested deterministically. The error
// number, 0 when none is injected for `path`.
int injected_error(const std::string& path) {
  const char* spec = std::getenv("WGAN_FAIL_WRITES");
  if (!spec || !*spec) return 0;
  std::string pattern = spec;
  int error = ENOSPC;
  if (pattern.rfind("EIO:", 0) == 0) {
    error = EIO;
    pattern = pattern.substr(4);
  }
  return !pattern.empty() && path.find(pattern) != std::string::npos ? error : 0;
}

void fail_if_injected(const std::string& path) {
  if (const int error = injected_error(path)) throw RunError("cannot write " + path + ": " + std::strerror(error));
}

// Fault injection for the tests: WGAN_KILL_AT=STAGE:TEXT ends the process with SIGKILL at that
// stage of the atomic write of a path containing TEXT: "written" (the temporary file complete,
// not synced), "synced" (before the rename), "renamed" (before the directory is synced).
void kill_if_injected(const char* stage, const std::string& path) {
  const char* spec = std::getenv("WGAN_KILL_AT");
  if (!spec) return;
  const std::string text = spec;
  const size_t colon = text.find(':');
  if (colon == std::string::npos || text.compare(0, colon, stage) != 0) return;
  if (path.find(text.substr(colon + 1)) != std::string::npos) ::kill(::getpid(), SIGKILL);
}

}  // namespace

void rename_durably(const std::string& from, const std::string& to) {
  fs::path target(to);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fsync_path(from, O_RDONLY);
  kill_if_injected("synced", to);
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    throw RunError("cannot rename " + from + " to " + to + ": " + why);
  }
  kill_if_injected("renamed", to);
  fsync_path(dir.string(), O_RDONLY | O_DIRECTORY);
}

void write_atomically(const std::string& path,
                      const std::function<void(const std::string&)>& write) {
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" +
                            std::to_string(::getpid())))
                        .string();
  try {
    fail_if_injected(path);
    write(tmp);
    kill_if_injected("written", path);
    rename_durably(tmp, path);
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);  // nothing when the rename was done
    throw;
  }
}

void write_bytes_atomically(const std::string& path, const std::string& bytes) {
  write_atomically(path, [&](const std::string& tmp) {
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw RunError("cannot write " + path + ": " + std::strerror(errno));
    if (const int error = write_all(fd, bytes.data(), bytes.size())) {
      ::close(fd);
      throw RunError("cannot write " + path + ": " + std::strerror(error));
    }
    if (::close(fd) != 0) throw RunError("cannot write " + path + ": " + std::strerror(errno));
  });
}

void write_text_atomically(const std::string& path, const std::string& text) { write_bytes_atomically(path, text); }

AppendOnlyFile::AppendOnlyFile(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw RunError("cannot open " + path + " for appending: " + std::strerror(errno));
}

AppendOnlyFile::~AppendOnlyFile() {
  if (fd_ >= 0) ::close(fd_);
}

void AppendOnlyFile::append(const std::string& bytes) {
  const off_t start = ::lseek(fd_, 0, SEEK_END);
  int error = injected_error(path_);
  if (error != 0)
    write_all(fd_, bytes.data(), bytes.size() / 2);  // as a disk that fills up mid-record
  else
    error = write_all(fd_, bytes.data(), bytes.size());
  if (error == 0) return;
  // Cut back to the record's start, so that the file holds whole records only.
  if (start >= 0 && ::ftruncate(fd_, start) != 0) {
    // Nothing more to do: the reader skips a torn last line.
  }
  throw RunError("cannot append to " + path_ + ": " + std::strerror(error));
}

int write_all(int fd, const char* bytes, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, bytes + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : ENOSPC;
    done += static_cast<size_t>(n);
  }
  return 0;
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace wgan

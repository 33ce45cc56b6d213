#include "wgan/core/crash_isolation.h"

#include "wgan/core/atomic_file.h"

#include <ATen/Parallel.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <torch/script.h>
#include <torch/serialize.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>
#include <sstream>
#include <vector>

namespace wgan {
namespace {

constexpr int kChildSeconds = 120;  // a whole checkpoint of gigabytes reads in a few seconds
constexpr int kOutOfMemory = 3;     // the child's exit status when its reader ran out of room
constexpr char kAnswer = 'A';       // the child's answer starts with this tag, or
constexpr char kError = 'E';        // with this one and the message of what its reader threw

// Caps the child's address space at what it has now plus `bytes` (Linux: /proc/self/statm).
void limit_memory(int64_t bytes) {
  if (!child_memory_can_be_limited()) return;
  long pages = 0;
  if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%ld", &pages) != 1) pages = 0;
    std::fclose(statm);
  }
  if (pages <= 0) return;
  const rlim_t limit = static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + static_cast<rlim_t>(bytes);
  const rlimit cap{limit, limit};
  setrlimit(RLIMIT_AS, &cap);
}

bool is_out_of_memory(const std::exception& e) {
  return dynamic_cast<const std::bad_alloc*>(&e) || std::strstr(e.what(), "allocate");
}

// In the child: runs `rewrite`, writes the tagged answer to `fd` and ends without exit handlers
// (the parent owns every file and buffer). A crash kills it plainly: no handler of the
// parent's, a sanitizer's or a fuzzer's runs.
[[noreturn]] void answer_in_child(int fd, const std::function<std::string()>& rewrite, int64_t memory_bytes) {
  at::set_num_threads(1);  // only this thread exists here: parallel sections run inline
  for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(signal, SIG_DFL);
  if (memory_bytes > 0) limit_memory(memory_bytes);
  char tag = kAnswer;
  std::string payload;
  try {
    payload = rewrite();
  } catch (const std::exception& e) {
    if (is_out_of_memory(e)) _exit(kOutOfMemory);
    tag = kError;
    payload = e.what();
  } catch (...) {
    tag = kError;
    payload = "an unknown error";
  }
  // A failure means the parent has gone: nothing is left to tell.
  (void)write_all(fd, &tag, 1);
  (void)write_all(fd, payload.data(), payload.size());
  _exit(0);
}

// In the parent: everything the child writes until it closes the pipe; false past the deadline.
bool receive(int fd, std::string& received) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kChildSeconds);
  std::vector<char> chunk(1 << 16);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    const int polled = poll(&ready, 1, 100);
    if (polled < 0 && errno != EINTR) return true;
    if (polled <= 0) continue;
    const ssize_t n = read(fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    received.append(chunk.data(), static_cast<size_t>(n));
  }
  return false;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

// AddressSanitizer reserves terabytes of address space, so no RLIMIT_AS can hold under it
// (GCC says so with __SANITIZE_ADDRESS__, Clang with __has_feature).
bool child_memory_can_be_limited() {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#endif
#endif
  return true;
}

std::string rewrite_in_child(const std::function<std::string()>& rewrite, int64_t memory_bytes) {
  int fds[2];
  if (pipe(fds) != 0) return rewrite();
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return rewrite();
  }
  if (pid == 0) {
    close(fds[0]);
    answer_in_child(fds[1], rewrite, memory_bytes);
  }
  close(fds[1]);
  std::string received;
  const bool finished = receive(fds[0], received);
  close(fds[0]);
  if (!finished) {  // a reader that loops forever on a malformed file is stopped too
    kill(pid, SIGKILL);
    wait_for(pid);
    throw ReaderCrashed("malformed; LibTorch's reader did not finish within " + std::to_string(kChildSeconds) +
                        " s (in a separate process)");
  }
  const int status = wait_for(pid);
  if (WIFEXITED(status) && WEXITSTATUS(status) == kOutOfMemory)
    throw ReaderCrashed("malformed; LibTorch's reader asked for more than " + std::to_string(memory_bytes >> 20) +
                        " MB for it (in a separate process)");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || received.empty())
    throw ReaderCrashed("malformed; LibTorch's reader crashed on it (" +
                        (WIFSIGNALED(status) ? std::string(strsignal(WTERMSIG(status)))
                                             : "exit status " + std::to_string(WEXITSTATUS(status))) +
                        ", in a separate process)");
  if (received[0] == kError) throw std::runtime_error(received.substr(1));
  return received.substr(1);
}

std::string resaved_torchscript(const std::string& bytes) {
  return rewrite_in_child([&] {
    std::istringstream in(bytes);
    const torch::jit::Module module = torch::jit::load(in, c10::Device(c10::kCPU));
    std::ostringstream out;
    module.save(out);
    return out.str();
  }, reading_memory(static_cast<int64_t>(bytes.size())));
}

std::string repickled(const std::string& bytes) {
  return rewrite_in_child([&] {
    const std::vector<char> saved = torch::pickle_save(torch::pickle_load(std::vector<char>(bytes.begin(), bytes.end())));
    return std::string(saved.begin(), saved.end());
  }, reading_memory(static_cast<int64_t>(bytes.size())));
}

}  // namespace wgan

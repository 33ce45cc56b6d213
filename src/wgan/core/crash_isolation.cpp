#include "wgan/core/crash_isolation.h"

#include <ATen/Parallel.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>

#include "wgan/core/error.h"

// AddressSanitizer reserves terabytes of address space: no limit on it can hold.
#if defined(__SANITIZE_ADDRESS__)
#define WGAN_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WGAN_ADDRESS_SANITIZER 1
#endif
#endif

namespace wgan {
namespace {

constexpr int kChildSeconds = 120;  // a whole checkpoint of gigabytes reads in a few seconds
constexpr int kOutOfMemory = 3;     // the child's exit status when its reader ran out of room

// Caps the child's address space at what it has now plus `bytes` (Linux: /proc/self/statm).
void limit_memory(int64_t bytes) {
#ifndef WGAN_ADDRESS_SANITIZER
  long pages = 0;
  if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%ld", &pages) != 1) pages = 0;
    std::fclose(statm);
  }
  if (pages <= 0) return;
  const rlim_t limit = static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + static_cast<rlim_t>(bytes);
  const rlimit cap{limit, limit};
  setrlimit(RLIMIT_AS, &cap);
#else
  (void)bytes;
#endif
}

bool is_out_of_memory(const std::exception& e) {
  return dynamic_cast<const std::bad_alloc*>(&e) || std::strstr(e.what(), "allocate");
}

}  // namespace

std::string read_crash_in_child(const std::function<void()>& read, int64_t memory_bytes) {
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = fork();
  if (pid < 0) return "";
  if (pid == 0) {
    // Only this thread exists in the child: LibTorch's parallel sections run inline. A crash
    // kills the child plainly (no handler of the parent's, a sanitizer's or a fuzzer's, runs).
    at::set_num_threads(1);
    for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(signal, SIG_DFL);
    if (memory_bytes > 0) limit_memory(memory_bytes);
    int status = 0;
    try {
      read();
    } catch (const std::exception& e) {
      if (is_out_of_memory(e)) status = kOutOfMemory;
    } catch (...) {
    }
    _exit(status);  // no exit handlers: the parent owns every file and buffer
  }
  // A reader that loops forever on a malformed file is stopped too.
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kChildSeconds);
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return "malformed; LibTorch's reader did not finish within " + std::to_string(kChildSeconds) +
             " s (in a separate process)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  if (WIFEXITED(status) && WEXITSTATUS(status) == kOutOfMemory)
    return "malformed; LibTorch's reader asked for more than " + std::to_string(memory_bytes >> 20) +
           " MB for it (in a separate process)";
  return "malformed; LibTorch's reader crashed on it (" +
         (WIFSIGNALED(status) ? std::string(strsignal(WTERMSIG(status)))
                              : "exit status " + std::to_string(WEXITSTATUS(status))) +
         ", in a separate process)";
}

void check_read_in_child(const std::string& file, const std::function<void()>& read, int64_t memory_bytes) {
  const std::string problem = read_crash_in_child(read, memory_bytes);
  if (!problem.empty()) throw UsageError(file + ": " + problem + "; expected a file written by wgan or PyTorch");
}

}  // namespace wgan

#include "wgan/core/crash_isolation.h"

#include <ATen/Parallel.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "wgan/core/error.h"

namespace wgan {
namespace {
constexpr int kChildSeconds = 120;  // a whole checkpoint of gigabytes reads in a few seconds
}

std::string read_crash_in_child(const std::function<void()>& read) {
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = fork();
  if (pid < 0) return "";
  if (pid == 0) {
    // Only this thread exists in the child: LibTorch's parallel sections run inline. A crash
    // kills the child plainly (no handler of the parent's, a sanitizer's or a fuzzer's, runs).
    at::set_num_threads(1);
    for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(signal, SIG_DFL);
    try {
      read();
    } catch (...) {
    }
    _exit(0);  // no exit handlers: the parent owns every file and buffer
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
  const bool crashed = WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0);
  if (!crashed) return "";
  return "malformed; LibTorch's reader crashed on it (" +
         (WIFSIGNALED(status) ? std::string(strsignal(WTERMSIG(status)))
                              : "exit status " + std::to_string(WEXITSTATUS(status))) +
         ", in a separate process)";
}

void check_read_in_child(const std::string& file, const std::function<void()>& read) {
  const std::string problem = read_crash_in_child(read);
  if (!problem.empty()) throw UsageError(file + ": " + problem + "; expected a file written by wgan or PyTorch");
}

}  // namespace wgan

#include "wgan/cli/launcher.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <iostream>
#include <thread>

#include "wgan/core/error.h"
#include "wgan/distributed/process_group.h"

namespace wgan::cli {
namespace {

std::vector<std::string> g_command_line;
std::atomic<int> g_forward_signal{0};
extern "C" void remember_signal(int signal) { g_forward_signal = signal; }

using Clock = std::chrono::steady_clock;

// The command line without --nproc (either form), with this rank's settings added.
std::vector<std::string> rank_command(const LaunchOptions& o, int64_t rank, int port) {
  std::vector<std::string> args;
  for (size_t i = 0; i < g_command_line.size(); ++i) {
    const std::string& a = g_command_line[i];
    if (a == "--nproc") {
      ++i;
      continue;
    }
    if (a.rfind("--nproc=", 0) == 0) continue;
    args.push_back(a);
  }
  for (const std::string& extra : {std::string("--world-size"), std::to_string(o.nproc), std::string("--rank"),
                                   std::to_string(rank), std::string("--master-addr"), o.master_addr,
                                   std::string("--master-port"), std::to_string(port)})
    args.push_back(extra);
  if (o.threads_per_rank > 0) {
    args.push_back("--threads");
    args.push_back(std::to_string(o.threads_per_rank));
  }
  return args;
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status))
    return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  return "exited with status " + std::to_string(WEXITSTATUS(status));
}

}  // namespace

void set_command_line(int argc, char** argv) { g_command_line.assign(argv, argv + argc); }

int launch_local_ranks(const LaunchOptions& o) {
  const int port = o.master_port > 0 ? static_cast<int>(o.master_port) : find_free_port(o.master_addr);
  // Ctrl-C reaches every rank from the terminal; the ranks agree to stop after the same
  // iteration and rank 0 writes the checkpoint. A SIGTERM sent to the launcher alone is passed on.
  g_forward_signal = 0;
  auto old_int = std::signal(SIGINT, SIG_IGN);
  auto old_term = std::signal(SIGTERM, remember_signal);
  std::vector<pid_t> pids(o.nproc, -1);
  std::cout << "wgan: starting " << o.nproc << " ranks on " << o.master_addr << ":" << port << std::endl;
  const int64_t cores = std::max<int64_t>(1, std::thread::hardware_concurrency());
  if (o.nproc > cores)
    std::cout << "wgan: warning: " << o.nproc << " ranks on " << cores
              << " cores: they take turns on the cores, slower than fewer ranks" << std::endl;
  for (int64_t r = 0; r < o.nproc; ++r) {
    const auto args = rank_command(o, r, port);
    const pid_t pid = fork();
    if (pid == 0) {
      std::signal(SIGINT, SIG_DFL);
      std::signal(SIGTERM, SIG_DFL);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv("/proc/self/exe", argv.data());
      std::perror("wgan: could not start a rank");
      _exit(127);
    }
    pids[r] = pid;
  }

  int result = 0;
  std::string failure;  // the first rank that failed, and how
  int64_t running = o.nproc;
  Clock::time_point failed_at{};
  bool terminated = false, killed = false;
  while (running > 0) {
    int status = 0;
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid > 0) {
      for (int64_t r = 0; r < o.nproc; ++r) {
        if (pids[r] != pid) continue;
        pids[r] = -1;
        --running;
        const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (!ok && failure.empty()) {
          failure = "rank " + std::to_string(r) + " (pid " + std::to_string(pid) + ") " + describe_exit(status);
          result = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
          failed_at = Clock::now();
        }
      }
      continue;
    }
    if (g_forward_signal != 0) {
      for (pid_t p : pids)
        if (p > 0) kill(p, g_forward_signal);
      g_forward_signal = 0;
    }
    if (!failure.empty()) {
      const double since = std::chrono::duration<double>(Clock::now() - failed_at).count();
      if (!terminated && since > o.grace_s) {
        for (pid_t p : pids)
          if (p > 0) kill(p, SIGTERM);
        terminated = true;
      }
      if (!killed && since > o.grace_s + 5) {
        for (pid_t p : pids)
          if (p > 0) kill(p, SIGKILL);
        killed = true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  if (!failure.empty())
    std::cerr << "wgan: error: " << failure << "; the other ranks were stopped"
              << (killed ? " (killed after the grace period)" : "") << "\n";
  return result;
}

}  // namespace wgan::cli

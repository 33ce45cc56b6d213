#include "rank_processes.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "wgan/train/checkpoint.h"

extern char** environ;

namespace wgan::test {
using Clock = std::chrono::steady_clock;

pid_t spawn_wgan(const std::vector<std::string>& args, const std::string& output,
                 const std::vector<std::string>& prefix) {
  std::vector<std::string> all = prefix;
  all.push_back(WGAN_BINARY);
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int wait_for(pid_t pid, double seconds) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return -1;
}

bool wait_until(const std::function<bool()>& ready, double seconds) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

Difference compare_final_parameters(const std::string& run_a, const std::string& run_b) {
  const CheckpointState a = load_checkpoint(final_checkpoint_path(run_a));
  const CheckpointState b = load_checkpoint(final_checkpoint_path(run_b));
  Difference d;
  EXPECT_EQ(a.networks.averaged_generator == nullptr, b.networks.averaged_generator == nullptr);
  for (const auto& [x, y] : {std::pair{a.networks.generator, b.networks.generator}, {a.networks.critic, b.networks.critic},
                             {a.networks.averaged_generator, b.networks.averaged_generator}}) {
    if (!x || !y) continue;
    const auto px = x->parameters(), py = y->parameters();
    EXPECT_EQ(px.size(), py.size());
    for (size_t i = 0; i < std::min(px.size(), py.size()); ++i) {
      const auto diff = (px[i] - py[i]).abs();
      d.largest = std::max(d.largest, diff.max().item<double>());
      d.beyond += diff.gt(1e-5).sum().item<int64_t>();
      d.total += diff.numel();
    }
  }
  return d;
}

}  // namespace wgan::test

// wgan train --nproc N: starts N ranks of the same command on this machine (as torchrun does)
// and watches them. The first rank that fails is named; the others then get a grace period to
// stop on their own (they notice the lost peer in their next collective), then SIGTERM, then
// SIGKILL, so that nothing hangs.
#pragma once
#include <string>
#include <vector>

namespace wgan::cli {

// The process's own command line, recorded by main() for the launcher to re-run.
void set_command_line(int argc, char** argv);

struct LaunchOptions {
  int64_t nproc = 1;
  std::string master_addr = "127.0.0.1";
  int64_t master_port = 0;  // 0: a free port
  int64_t threads_per_rank = 0;  // 0: leave --threads as given
  double grace_s = 10;      // after a failure, before SIGTERM to the others
};

// Runs the recorded command N times without --nproc, with --world-size N --rank r
// --master-addr --master-port added. Returns 0 when every rank succeeded, otherwise the exit
// status to use, after printing which rank failed and how.
int launch_local_ranks(const LaunchOptions& options);

}  // namespace wgan::cli

// A group of cooperating training processes (data-parallel ranks) over PyTorch's distributed
// engine c10d: rendezvous through a TCPStore on the master, collectives through Gloo. The c10d
// types stay inside process_group.cpp (they differ between LibTorch 1.13, where
// ProcessGroupGloo is a ProcessGroup, and 2.x, where it is a Backend); the rest of wgan sees
// this small interface.
#pragma once
#include <memory>
#include <string>

namespace at {
class Tensor;
}

namespace wgan {

struct DistOptions {
  int64_t world_size = 1;
  int64_t rank = 0;
  std::string master_addr = "127.0.0.1";
  int64_t master_port = 29500;
  // How long a collective (or the rendezvous) waits for the other ranks before failing.
  double timeout_s = 600;
};

enum class ReduceOp { kSum, kMax };

// A TCP port on `address` that was free a moment ago (bound to port 0 and released), for a
// rendezvous on one machine. Throws RunError if none can be had.
int find_free_port(const std::string& address);

class ProcessGroup {
 public:
  // Whether this build has c10d with Gloo (CMake found gloo's headers: libgloo-dev).
  static bool available();

  // Joins the group: rank 0 serves the TCPStore at master_addr:master_port, the others connect
  // to it. Throws RunError naming the rank and the address when the rendezvous fails.
  explicit ProcessGroup(const DistOptions& options);
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int64_t rank() const { return options_.rank; }
  int64_t world_size() const { return options_.world_size; }
  const DistOptions& options() const { return options_; }

  // In place, blocking, on a contiguous tensor. CUDA tensors are staged through the host (Gloo
  // on the CPU; NCCL is not wired in yet). Throws RunError when another rank is gone or does
  // not answer within the timeout.
  void all_reduce(at::Tensor& tensor, ReduceOp op);

  // Wall time spent inside all_reduce so far (waiting for slower ranks included).
  double collective_seconds() const { return collective_seconds_; }

 private:
  struct Impl;
  DistOptions options_;
  double collective_seconds_ = 0;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wgan

// --on-nan stop without a host read per optimiser step. The trainer notes, on the device, the
// first step whose loss or gradients were not finite; the run reads that one value back when it
// reads anything else (the logged values, a checkpoint, the pictures), or after every iteration
// on the CPU, where the read costs nothing. On a GPU a read per step would wait for the step to
// finish each time and cost the GPU its lead.
#pragma once
#include <torch/types.h>

namespace wgan {

class NonFiniteWatch {
 public:
  enum class Network { kCritic = 0, kGenerator = 1 };

  explicit NonFiniteWatch(torch::Device device);
  // Remembers step `network` of 1-based iteration `iteration` when `total` (a 0-d tensor on the
  // device) is not finite and nothing earlier was. Queues device work only.
  void note(const torch::Tensor& total, int64_t iteration, Network network);
  // Throws DivergenceError naming the first such step, if any: the one host read.
  void check() const;
  // check() where the read costs nothing, the flag being in host memory (a CPU run): there it
  // is made after every iteration, so that the run stops in the iteration that diverged.
  void check_if_free() const {
    if (on_host_) check();
  }
  bool reads_are_free() const { return on_host_; }
  // How many times check() has read the flag back (the tests count them).
  int64_t reads() const { return reads_; }

 private:
  bool on_host_;
  torch::Tensor first_;  // int64, 0-d: 2 * iteration + network of the first non-finite step; -1 none
  mutable int64_t reads_ = 0;
};

}  // namespace wgan

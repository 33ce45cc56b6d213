// Helpers of the data-parallel tests: wgan processes started by hand (one per rank), waited for
// with a deadline, and their runs' final parameters compared.
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wgan::test {

// Starts `prefix... wgan ARGS...` (prefix: e.g. `ip netns exec NS`, found on PATH) with stdout
// and stderr into `output`; returns its pid (an `ip netns exec` keeps its pid when it execs).
pid_t spawn_wgan(const std::vector<std::string>& args, const std::string& output,
                 const std::vector<std::string>& prefix = {});

// The exit status (or 128 + signal), or -1 if the process is still running after `seconds`.
int wait_for(pid_t pid, double seconds);

// Whether `ready` became true within `seconds` (polled every 50 ms).
bool wait_until(const std::function<bool()>& ready, double seconds);

// Largest absolute difference of two runs' final parameters (generator, critic, averaged
// generator), and how many elements of how many differ by more than 1e-5.
struct Difference {
  double largest = 0;
  int64_t beyond = 0, total = 0;
};
Difference compare_final_parameters(const std::string& run_a, const std::string& run_b);

}  // namespace wgan::test

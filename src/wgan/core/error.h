// The two kinds of failure a person sees. `main` turns either into one line on stderr.
#pragma once
#include <stdexcept>
#include <string>

namespace wgan {

// Wrong flag, value or input file: exit status 2, before any training starts.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Something went wrong while running (I/O failure, divergence): exit status 1.
struct RunError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A non-finite loss or gradient under --on-nan stop.
struct DivergenceError : RunError {
  using RunError::RunError;
};

}  // namespace wgan

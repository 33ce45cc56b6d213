#include "wgan/train/nonfinite_watch.h"

#include <string>

#include "wgan/core/error.h"

namespace wgan {

NonFiniteWatch::NonFiniteWatch(torch::Device device)
    : on_host_(device.is_cpu()),
      first_(torch::full({}, -1, torch::TensorOptions().dtype(torch::kInt64).device(device))) {}

void NonFiniteWatch::note(const torch::Tensor& total, int64_t iteration, Network network) {
  const auto newly_bad = torch::isfinite(total).logical_not().logical_and(first_.lt(0));
  first_.masked_fill_(newly_bad, 2 * iteration + static_cast<int64_t>(network));
}

void NonFiniteWatch::check() const {
  ++reads_;
  const int64_t first = first_.item<int64_t>();
  if (first < 0) return;
  const char* which = first % 2 == static_cast<int64_t>(Network::kGenerator) ? "generator" : "critic";
  throw DivergenceError(std::string("non-finite ") + which + " loss or gradient at iteration " +
                        std::to_string(first / 2));
}

}  // namespace wgan

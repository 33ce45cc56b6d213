// Export of a trained generator as a self-contained TorchScript module that Python's
// torch.jit.load and C++'s torch::jit::load both run. LibTorch has no public scripting of a
// C++ module, so the module is built by hand: the trained parameters are registered on a
// torch::jit::Module and its forward() is defined from TorchScript source generated for the
// network (Module::define).
//
// The module maps noise [B, nz] to samples [B, *output_shape] for any B. It carries the
// attributes `nz` (int), `noise` ("normal" or "uniform", the distribution it was trained on)
// and `output_shape` (List[int]).
#pragma once
#include <string>
#include <vector>

#include "wgan/nets/network.h"

namespace wgan {

struct ExportInfo {
  int64_t nz = 0;
  std::string noise = "normal";
  std::vector<int64_t> output_shape;
};

// Writes the module to `path` (atomically). UsageError for a network family it cannot export.
void export_generator(NetworkImpl& generator, const ExportInfo& info, const std::string& path);

}  // namespace wgan

#include "wgan/nets/torchscript_export.h"

#include <torch/script.h>

#include <sstream>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/nets/mlp.h"

namespace wgan {
namespace {

// TorchScript for one activation; only aten functions resolve inside Module::define.
std::string activation_source(Activation activation) {
  switch (activation) {
    case Activation::kReLU: return "    x = torch.relu(x)\n";
    case Activation::kLeakyReLU: return "    x = torch.where(x > 0, x, x * 0.2)\n";
    case Activation::kELU: return "    x = torch.where(x > 0, x, torch.expm1(x))\n";
  }
  return "";
}

// Registers the MLP's linear layers as w0, b0, w1, b1, ... and returns forward's source.
std::string define_mlp(MLPImpl& mlp, torch::jit::Module& module) {
  std::ostringstream src;
  src << "def forward(self, z):\n"
      << "    x = z.flatten(1)\n";
  int64_t index = 0;
  const int64_t layers = mlp.options.depth + 1;
  for (const auto& child : mlp.layers->children()) {
    auto* linear = dynamic_cast<torch::nn::LinearImpl*>(child.get());
    if (!linear) continue;
    const std::string w = "w" + std::to_string(index), b = "b" + std::to_string(index);
    module.register_parameter(w, linear->weight.detach().clone(), false);
    module.register_parameter(b, linear->bias.detach().clone(), false);
    src << "    x = torch.addmm(self." << b << ", x, self." << w << ".t())\n";
    if (index + 1 < layers) src << activation_source(mlp.options.activation);
    ++index;
  }
  src << "    return x.view([x.size(0)] + self.output_shape)\n";
  return src.str();
}

}  // namespace

void export_generator(NetworkImpl& generator, const ExportInfo& info, const std::string& path) {
  torch::jit::Module module("WganGenerator");
  module.register_attribute("nz", c10::IntType::get(), info.nz);
  module.register_attribute("noise", c10::StringType::get(), info.noise);
  module.register_attribute("output_shape", c10::ListType::ofInts(),
                            c10::List<int64_t>(info.output_shape));
  std::string source;
  if (auto* mlp = dynamic_cast<MLPImpl*>(&generator))
    source = define_mlp(*mlp, module);
  else
    throw UsageError("export: this network family cannot be exported yet");
  module.define(source);
  module.eval();
  write_atomically(path, [&](const std::string& tmp) { module.save(tmp); });
}

}  // namespace wgan

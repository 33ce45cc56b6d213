#include "wgan/nets/torchscript_export.h"

#include <torch/script.h>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/nets/sequential_network.h"
#include "wgan/nets/torchscript_writer.h"

namespace wgan {

void export_generator(NetworkImpl& generator, const ExportInfo& info, const std::string& path) {
  auto* network = dynamic_cast<SequentialNetworkImpl*>(&generator);
  if (!network) throw UsageError("export: this network family cannot be exported");
  torch::jit::Module module("WganGenerator");
  module.register_attribute("nz", c10::IntType::get(), info.nz);
  module.register_attribute("noise", c10::StringType::get(), info.noise);
  module.register_attribute("output_shape", c10::ListType::ofInts(),
                            c10::List<int64_t>(info.output_shape));
  module.define(layers_method(module, "forward", "z", network->layers->children(), 0));
  module.eval();
  write_atomically(path, [&](const std::string& tmp) { module.save(tmp); });
}

}  // namespace wgan

// TorchScript source for a sequence of torch::nn layers, for modules built by hand
// (Module::define): the generator export and the classifier file.
#pragma once
#include <torch/script.h>

#include <memory>
#include <string>
#include <vector>

namespace wgan {

// "def NAME(self, INPUT): ..." applying `layers` in order, each written with aten calls (layers
// of evaluation mode for the normalisations). Registers the layers' tensors on `module` as
// l<index>_<tensor>, indices from `first_index`, so that several methods can share one module.
// UsageError for a layer it cannot write.
std::string layers_method(torch::jit::Module& module, const std::string& name, const std::string& input,
                          const std::vector<std::shared_ptr<torch::nn::Module>>& layers, size_t first_index);

}  // namespace wgan

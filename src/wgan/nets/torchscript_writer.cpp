#include "wgan/nets/torchscript_writer.h"

#include <sstream>

#include "wgan/core/error.h"
#include "wgan/nets/variant_compat.h"

namespace wgan {
namespace {

std::string ints(const std::vector<int64_t>& values) {
  std::ostringstream out;
  out << '[';
  for (size_t i = 0; i < values.size(); ++i) out << (i ? ", " : "") << values[i];
  return out.str() + ']';
}

std::string ints(at::IntArrayRef values) { return ints(values.vec()); }

std::string real(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  std::string text = out.str();
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

// Emits TorchScript for one layer of a Sequential, registering its tensors on `module` under
// the prefix "l<index>_". Only aten functions resolve inside Module::define, so each layer is
// written out with them; normalisation layers are written in evaluation mode.
class LayerWriter {
 public:
  LayerWriter(torch::jit::Module& module, std::ostringstream& src) : module_(module), src_(src) {}

  void write(size_t index, torch::nn::Module& layer) {
    if (auto* m = dynamic_cast<torch::nn::FlattenImpl*>(&layer)) {
      line("x.flatten(" + std::to_string(m->options.start_dim()) + ", " +
           std::to_string(m->options.end_dim()) + ")");
    } else if (auto* m = dynamic_cast<torch::nn::UnflattenImpl*>(&layer)) {
      if (m->options.dim() != 1) unsupported("Unflatten of a dimension other than 1");
      line("x.reshape([x.size(0)] + " + ints(m->options.sizes()) + ")");
    } else if (auto* m = dynamic_cast<torch::nn::LinearImpl*>(&layer)) {
      const std::string w = tensor(index, "weight", m->weight);
      line(m->bias.defined() ? "torch.addmm(" + tensor(index, "bias", m->bias) + ", x, " + w + ".t())"
                             : "torch.mm(x, " + w + ".t())");
    } else if (auto* m = dynamic_cast<torch::nn::Conv2dImpl*>(&layer)) {
      const auto& o = m->options;
      if (!variant_compat::get_if<torch::ExpandingArray<2>>(&o.padding())) unsupported("string padding");
      line("torch.conv2d(x, " + tensor(index, "weight", m->weight) + ", " + optional(index, "bias", m->bias) +
           ", " + ints(*o.stride()) + ", " + ints(*variant_compat::get<torch::ExpandingArray<2>>(o.padding())) +
           ", " + ints(*o.dilation()) + ", " + std::to_string(o.groups()) + ")");
    } else if (auto* m = dynamic_cast<torch::nn::ConvTranspose2dImpl*>(&layer)) {
      const auto& o = m->options;
      line("torch.conv_transpose2d(x, " + tensor(index, "weight", m->weight) + ", " +
           optional(index, "bias", m->bias) + ", " + ints(*o.stride()) + ", " +
           ints(*variant_compat::get<torch::ExpandingArray<2>>(o.padding())) + ", " + ints(*o.output_padding()) +
           ", " + std::to_string(o.groups()) + ", " + ints(*o.dilation()) + ")");
    } else if (auto* m = dynamic_cast<torch::nn::BatchNorm2dImpl*>(&layer)) {
      line("torch.batch_norm(x, " + optional(index, "weight", m->weight) + ", " +
           optional(index, "bias", m->bias) + ", " + buffer(index, "running_mean", m->running_mean) +
           ", " + buffer(index, "running_var", m->running_var) + ", False, 0.0, " +
           real(m->options.eps()) + ", False)");
    } else if (auto* m = dynamic_cast<torch::nn::InstanceNorm2dImpl*>(&layer)) {
      line("torch.instance_norm(x, " + optional(index, "weight", m->weight) + ", " +
           optional(index, "bias", m->bias) + ", None, None, True, 0.0, " + real(m->options.eps()) +
           ", False)");
    } else if (auto* m = dynamic_cast<torch::nn::LayerNormImpl*>(&layer)) {
      line("torch.layer_norm(x, " + ints(m->options.normalized_shape()) + ", " +
           optional(index, "weight", m->weight) + ", " + optional(index, "bias", m->bias) + ", " +
           real(m->options.eps()) + ", False)");
    } else if (dynamic_cast<torch::nn::ReLUImpl*>(&layer)) {
      line("torch.relu(x)");
    } else if (auto* m = dynamic_cast<torch::nn::LeakyReLUImpl*>(&layer)) {
      line("torch.where(x > 0, x, x * " + real(m->options.negative_slope()) + ")");
    } else if (auto* m = dynamic_cast<torch::nn::ELUImpl*>(&layer)) {
      line("torch.where(x > 0, x, " + real(m->options.alpha()) + " * torch.expm1(x))");
    } else if (dynamic_cast<torch::nn::TanhImpl*>(&layer)) {
      line("torch.tanh(x)");
    } else if (dynamic_cast<torch::nn::DropoutImpl*>(&layer)) {
      // the identity in evaluation mode
    } else {
      unsupported(layer.name());
    }
  }

 private:
  void line(const std::string& expression) { src_ << "    x = " << expression << "\n"; }
  [[noreturn]] void unsupported(const std::string& what) {
    throw UsageError("export: cannot write a " + what + " layer as TorchScript");
  }
  std::string tensor(size_t index, const std::string& name, const torch::Tensor& t) {
    const std::string field = "l" + std::to_string(index) + "_" + name;
    module_.register_parameter(field, t.detach().cpu().clone(), /*is_buffer=*/false);
    return "self." + field;
  }
  std::string buffer(size_t index, const std::string& name, const torch::Tensor& t) {
    const std::string field = "l" + std::to_string(index) + "_" + name;
    module_.register_buffer(field, t.detach().cpu().clone());
    return "self." + field;
  }
  std::string optional(size_t index, const std::string& name, const torch::Tensor& t) {
    return t.defined() ? tensor(index, name, t) : "None";
  }

  torch::jit::Module& module_;
  std::ostringstream& src_;
};

}  // namespace

std::string layers_method(torch::jit::Module& module, const std::string& name, const std::string& input,
                          const std::vector<std::shared_ptr<torch::nn::Module>>& layers, size_t first_index) {
  std::ostringstream src;
  src << "def " << name << "(self, " << input << "):\n    x = " << input << "\n";
  LayerWriter writer(module, src);
  size_t index = first_index;
  for (const auto& layer : layers) writer.write(index++, *layer);
  src << "    return x\n";
  return src.str();
}

}  // namespace wgan

// The normalisation layer a network uses after its hidden convolutions, chosen per network.
#pragma once
#include <torch/nn/modules/container/sequential.h>

#include "wgan/core/choice.h"

namespace wgan {

enum class Norm { kBatch, kInstance, kLayer, kNone };
inline constexpr ChoiceName<Norm> kNormNames[] = {
    {Norm::kBatch, "batch"}, {Norm::kInstance, "instance"}, {Norm::kLayer, "layer"}, {Norm::kNone, "none"}};
constexpr const auto& choice_table(Norm) { return kNormNames; }

// Appends the layer for `channels` feature maps of size x size (layer norm normalises each
// sample over [C, H, W], with an affine per element); nothing for kNone.
void append_norm(torch::nn::Sequential& layers, Norm norm, int64_t channels, int64_t size);

// Whether a module is a normalisation layer (weight clipping may leave those alone).
bool is_normalization(const torch::nn::Module& module);

// Whether the module or one below it is a batch norm: its output for one sample depends on the
// others in the batch (in training mode).
bool has_batch_norm(torch::nn::Module& module);

}  // namespace wgan

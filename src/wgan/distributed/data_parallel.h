// The collective steps of data-parallel training, on any module: gradient averaging (so that N
// ranks with batch B step like one process with batch N*B), a check that every rank holds the
// same weights, and averaging of logged values.
#pragma once
#include <torch/nn/module.h>

#include <string>
#include <vector>

#include "wgan/distributed/process_group.h"

namespace wgan {

// Replaces every defined gradient of the module's parameters by its mean over the ranks: one
// all-reduce of one flat buffer.
void average_gradients(ProcessGroup& group, torch::nn::Module& module);

// Throws RunError unless every rank holds the same parameters (a checksum compared by
// all-reduce): ranks built from different seeds or configurations must not train together.
void check_same_parameters(ProcessGroup& group, torch::nn::Module& module, const std::string& name);

// Replaces each defined tensor of `values` (0-d) by its mean over the ranks, and returns for each
// of `flags` whether it was set on any rank; one all-reduce.
std::vector<bool> average_values_and_any(ProcessGroup& group, std::vector<torch::Tensor*> values,
                                         const std::vector<bool>& flags);

}  // namespace wgan

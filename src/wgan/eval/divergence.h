// Divergences between discrete distributions: KL, Jensen-Shannon and total variation, the
// quantities the WGAN paper contrasts with the Wasserstein distance.
#pragma once
#include <torch/types.h>

#include <utility>

namespace wgan {

// p and q: non-negative weights over the same outcomes (normalised here). In nats.
// KL(p || q) is +infinity when p puts mass where q has none.
double kl_divergence(const torch::Tensor& p, const torch::Tensor& q);
// JS = KL(p || m) / 2 + KL(q || m) / 2 with m = (p + q) / 2; between 0 and log 2, always finite.
double js_divergence(const torch::Tensor& p, const torch::Tensor& q);
// TV = sum |p - q| / 2, between 0 and 1.
double total_variation(const torch::Tensor& p, const torch::Tensor& q);

// Two weighted point sets ([n, d] with weights [n], [m, d] with [m]; empty weights: uniform)
// as probability vectors over the union of their points (points equal when every coordinate
// is), so that the divergences above apply.
std::pair<torch::Tensor, torch::Tensor> on_common_support(const torch::Tensor& a, const torch::Tensor& b,
                                                          const torch::Tensor& a_weights = {},
                                                          const torch::Tensor& b_weights = {});

}  // namespace wgan

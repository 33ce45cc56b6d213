// Metrics of a generator at one point of training, as a JSON object for metrics.jsonl.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>

#include "wgan/eval/mode_metrics.h"
#include "wgan/nets/network.h"
#include "wgan/train/config.h"

namespace wgan {

// Draws `n` samples from the generator with noise from the evaluation stream `stream_index`
// (the iteration, so each evaluation is reproducible) and returns the dataset's metrics:
// for 2-D data, w1 (exact W1 between the n samples and n true samples, the same true samples at
// every evaluation), and for the mixtures modes_covered, modes_total, hq_percent and
// reverse_kl. Empty JSON when the dataset has no metric.
nlohmann::json evaluate_generator(NetworkImpl& generator, const TrainConfig& config, int64_t n,
                                  uint64_t stream_index, c10::Device device);

// One line for a person, e.g. "modes 25/25  high-quality 93.1%  reverse KL 0.004 nats  W1 0.0412".
std::string describe_metrics(const nlohmann::json& metrics);

}  // namespace wgan

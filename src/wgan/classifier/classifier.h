// The small image classifier whose penultimate features give a domain FID/KID and whose
// predictions give the classifier score and the class histogram (docs/metrics.md).
#pragma once
#include <torch/nn/modules/container/sequential.h>

#include <cstdint>
#include <string>

namespace wgan {

struct ClassifierOptions {
  int64_t channels = 1;
  int64_t image_size = 28;  // a multiple of 4
  int64_t classes = 10;
  int64_t feature_size = 128;
};

// features: images [B, C, s, s] in [-1, 1] -> [B, feature_size]
//   conv 4x4/2 (C -> 32), LeakyReLU 0.2, conv 4x4/2 (32 -> 64), LeakyReLU 0.2, flatten,
//   linear (64 (s/4)^2 -> feature_size), ReLU
// head: dropout 0.3 (training only), linear (feature_size -> classes), the logits.
struct Classifier {
  torch::nn::Sequential features, head;
  torch::Tensor logits(const torch::Tensor& images) { return head->forward(features->forward(images)); }
  void train(bool on) { features->train(on), head->train(on); }
};

// UsageError when image_size is not a positive multiple of 4.
Classifier make_classifier(const ClassifierOptions& options);

}  // namespace wgan

namespace wgan {

// What the classifier file records about its training.
struct ClassifierRecord {
  std::string dataset;
  int64_t train_count = 0, test_count = 0;
  double accuracy = 0;  // on the test images
};

// Writes the classifier (atomically) as a TorchScript module with methods features(x),
// logits(x) and forward(x) = logits(x), and the attributes kind = "wgan-classifier",
// input_range = "signed" (images in [-1, 1]), channels, image_size, classes, dataset,
// train_count, test_count, accuracy. FeatureNetwork (eval/feature_network.h) reads it.
void save_classifier(Classifier& classifier, const ClassifierOptions& options, const ClassifierRecord& record,
                     const std::string& path);

}  // namespace wgan

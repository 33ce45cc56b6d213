#include "wgan/classifier/classifier_training.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdio>

#include "wgan/core/error.h"
#include "wgan/core/random.h"
#include "wgan/data/tensor_source.h"
#include "wgan/eval/feature_distances.h"

namespace wgan {
namespace {

torch::Tensor logits_in_batches(Classifier& c, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> out;
  for (int64_t i = 0; i < images.size(0); i += 500) out.push_back(c.logits(images.slice(0, i, i + 500)));
  return torch::cat(out);
}

// Every image moved by its own random offset in [-shift, shift]^2, zero-padded (the
// background, -1 after normalisation).
torch::Tensor random_shift(const torch::Tensor& x, int64_t shift, at::Generator& gen) {
  if (shift == 0) return x;
  const int64_t s = x.size(2);
  auto padded = torch::constant_pad_nd(x, {shift, shift, shift, shift}, -1.0);
  auto offsets = torch::randint(0, 2 * shift + 1, {x.size(0), 2}, gen, torch::TensorOptions().dtype(torch::kInt64));
  auto acc = offsets.accessor<int64_t, 2>();
  std::vector<torch::Tensor> moved;
  for (int64_t i = 0; i < x.size(0); ++i) moved.push_back(padded[i].narrow(1, acc[i][0], s).narrow(2, acc[i][1], s));
  return torch::stack(moved);
}

double accuracy(const torch::Tensor& logits, const torch::Tensor& labels) {
  return logits.argmax(1).eq(labels).to(torch::kFloat64).mean().item<double>();
}

torch::Tensor test_logits(Classifier& classifier, const ImageDataset& test) {
  classifier.train(false);
  return logits_in_batches(classifier, normalize_pixels(test.images));
}

}  // namespace

ClassifierEvaluation evaluate_classifier(Classifier& classifier, const ImageDataset& test, uint64_t seed) {
  const auto logits = test_logits(classifier, test);
  ClassifierEvaluation e;
  e.accuracy = accuracy(logits, test.labels);
  e.test_score = classifier_score(logits);
  auto gen = make_generator(seed, Stream::kEvaluation, 0x4015e);
  const auto noise = torch::rand(test.images.sizes(), gen) * 2 - 1;
  e.noise_score = classifier_score(logits_in_batches(classifier, noise));
  return e;
}

ClassifierEvaluation train_classifier(Classifier& classifier, const ImageDataset& train, const ImageDataset& test,
                                      const ClassifierTrainingOptions& o,
                                      const std::function<void(const std::string&)>& log) {
  if (!train.labels.defined() || !test.labels.defined())
    throw UsageError("classifier: the dataset has no labels; expected mnist, fashion-mnist or cifar10");
  auto gen = make_generator(o.seed, Stream::kInit);
  // Dropout draws from LibTorch's global generator: seeded too, so that a seed gives one file.
  torch::manual_seed(derive_seed(o.seed, Stream::kInit, 1));
  {
    // Initial weights from the seed: the same file from the same data and flags.
    torch::NoGradGuard no_grad;
    for (auto* seq : {&classifier.features, &classifier.head})
      for (auto& p : (*seq)->parameters())
        p.copy_(torch::randn(p.sizes(), gen) * (p.dim() > 1 ? std::sqrt(2.0 / (p[0].numel())) : 0.0));
  }
  std::vector<torch::Tensor> parameters = classifier.features->parameters();
  for (const auto& p : classifier.head->parameters()) parameters.push_back(p);
  torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(o.lr));
  const auto images = normalize_pixels(train.images);
  const int64_t n = images.size(0);
  auto shuffle_gen = make_generator(o.seed, Stream::kShuffle);
  for (int64_t epoch = 1; epoch <= o.epochs; ++epoch) {
    // Cosine decay of the rate over the epochs: the last epochs settle instead of jumping
    // between minima (test accuracy varied by 1 % from epoch to epoch at a constant rate).
    const double rate = o.lr * 0.5 * (1 + std::cos(M_PI * static_cast<double>(epoch - 1) / o.epochs));
    static_cast<torch::optim::AdamOptions&>(optimizer.param_groups()[0].options()).lr(rate);
    classifier.train(true);
    const auto order = torch::randperm(n, shuffle_gen, torch::TensorOptions().dtype(torch::kInt64));
    double total_loss = 0;
    int64_t batches = 0;
    for (int64_t start = 0; start + o.batch_size <= n; start += o.batch_size) {
      const auto index = order.slice(0, start, start + o.batch_size);
      const auto x = random_shift(images.index_select(0, index), o.shift, shuffle_gen);
      const auto loss = torch::cross_entropy_loss(classifier.logits(x), train.labels.index_select(0, index));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      total_loss += loss.item<double>();
      ++batches;
    }
    // Only the accuracy each epoch; the scores once, at the end.
    const double test_accuracy = accuracy(test_logits(classifier, test), test.labels);
    char line[128];
    std::snprintf(line, sizeof line, "epoch %lld/%lld  loss %.4f  test accuracy %.2f %%", static_cast<long long>(epoch),
                  static_cast<long long>(o.epochs), total_loss / std::max<int64_t>(batches, 1), 100 * test_accuracy);
    if (log) log(line);
  }
  return evaluate_classifier(classifier, test, o.seed);
}

}  // namespace wgan

#include "wgan/run/image_evaluation.h"

#include <torch/serialize.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "wgan/core/atomic_file.h"
#include "wgan/core/hash.h"
#include "wgan/core/random.h"
#include "wgan/data/tensor_source.h"
#include "wgan/eval/sliced_wasserstein_images.h"
#include "wgan/run/evaluation.h"
#include "wgan/train/batch_source_factory.h"

namespace wgan {
namespace {

// Index of the real sample and of the KID subsets among the evaluation streams.
constexpr uint64_t kRealImagesIndex = 0xfea7;

std::string hex(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

ImageEvaluator::ImageEvaluator(const TrainConfig& config, const std::string& cache_dir, const LoadLog& log,
                               c10::Device device, const torch::Tensor* real_images)
    : config_(config), device_(device) {
  const torch::Tensor all = real_images ? *real_images : load_configured_images(config, log, cache_dir).images;
  // A fixed random subset (the same for every run and seed), so that runs share the cache.
  const int64_t n = std::min(config.features.empty() ? kSwdImages : kRealFeatureImages, all.size(0));
  auto gen = make_generator(0, Stream::kEvaluation, kRealImagesIndex);
  const auto chosen = torch::randperm(all.size(0), gen, torch::TensorOptions().dtype(torch::kInt64)).slice(0, 0, n);
  const auto images = all.index_select(0, chosen).contiguous();
  if (config.features.empty())
    swd_real_ = normalize_pixels(images);
  else
    load_real_features(images, cache_dir, log);
}

void ImageEvaluator::load_real_features(const torch::Tensor& images, const std::string& cache_dir, const LoadLog& log) {
  const auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  network_ = std::make_unique<FeatureNetwork>(config_.features);
  say("features: " + network_->description());
  const int64_t n = images.size(0);
  const uint64_t key =
      fnv1a64(network_->fingerprint(), fnv1a64(static_cast<const char*>(images.data_ptr()), images.nbytes()));
  const std::string path = cache_dir + "/real-features-" + hex(key) + ".pt";
  if (std::filesystem::is_regular_file(path)) {
    try {
      torch::load(real_features_, path);
    } catch (const std::exception&) {
      real_features_ = torch::Tensor();  // unreadable: computed again below
    }
  }
  if (real_features_.defined() && real_features_.size(0) == n) {
    say("features of " + std::to_string(n) + " real images: from " + path);
  } else {
    const auto start = std::chrono::steady_clock::now();
    const auto out = network_->run(normalize_pixels(images), device_);
    real_features_ = out.features;
    std::error_code ignored;
    std::filesystem::create_directories(cache_dir, ignored);
    try {
      write_atomically(path, [&](const std::string& tmp) { torch::save(real_features_, tmp); });
    } catch (const std::exception& e) {
      say(std::string("features not cached: ") + e.what());
    }
    char line[200];
    std::snprintf(line, sizeof line, "features of %lld real images: computed in %.1f s", static_cast<long long>(n),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    say(line);
    if (out.logits.defined()) {
      std::snprintf(line, sizeof line, "classifier score of the real images: %.3f", classifier_score(out.logits));
      say(line);
    }
  }
  real_statistics_ = feature_statistics(real_features_);
  // Balls need more real samples than their k (a tiny folder has none).
  if (real_features_.size(0) > 5) manifold_ = std::make_unique<ManifoldReference>(real_features_);
}

nlohmann::json ImageEvaluator::evaluate_images(const torch::Tensor& fake, uint64_t stream_index) const {
  return network_ ? feature_metrics(fake, stream_index) : swd_metrics(fake.slice(0, 0, kSwdImages), stream_index);
}

nlohmann::json ImageEvaluator::swd_metrics(const torch::Tensor& fake, uint64_t stream_index) const {
  ImageSwdOptions options;
  if (swd_real_.size(2) < options.min_resolution) return nlohmann::json::object();  // no pyramid level
  options.patches_per_image = kSwdPatchesPerImage;
  options.direction_repeats = kSwdDirectionRepeats;
  options.seed = derive_seed(config_.seed, Stream::kEvaluation, stream_index);
  const ImageSwd swd = image_sliced_wasserstein(swd_real_, fake, options);
  nlohmann::json levels = nlohmann::json::object();
  for (size_t i = 0; i < swd.resolutions.size(); ++i) levels[std::to_string(swd.resolutions[i])] = swd.per_level[i];
  return {{metric::kSwd, swd.mean}, {metric::kSwdLevels, levels}};
}

nlohmann::json ImageEvaluator::feature_metrics(const torch::Tensor& fake, uint64_t stream_index) const {
  const int64_t n = fake.size(0);
  const auto out = network_->run(fake, device_);
  const KernelDistance kid = kernel_inception_distance(real_features_, out.features, 100, 1000,
                                                       derive_seed(config_.seed, Stream::kEvaluation, stream_index));
  nlohmann::json metrics = {{metric::kFid, frechet_distance(real_statistics_, feature_statistics(out.features))},
                            {metric::kKid, kid.mean},
                            {"kid_std", kid.std}};
  if (manifold_ && n > 3) add_manifold_metrics(metrics, manifold_->measure(out.features));
  if (out.logits.defined()) {
    const auto histogram = class_histogram(out.logits);
    const int64_t classes = histogram.numel();
    // A class counts as covered when it gets at least a tenth of its even share.
    const double threshold = 0.1 * static_cast<double>(n) / static_cast<double>(classes);
    metrics[metric::kClassifierScore] = classifier_score(out.logits);
    metrics[metric::kClassesCovered] = (histogram.to(torch::kFloat64) >= threshold).sum().item<int64_t>();
    metrics[metric::kClassesTotal] = classes;
    metrics[metric::kClassHistogram] =
        std::vector<int64_t>(histogram.data_ptr<int64_t>(), histogram.data_ptr<int64_t>() + classes);
  }
  return metrics;
}

}  // namespace wgan

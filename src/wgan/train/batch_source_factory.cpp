#include "wgan/train/batch_source_factory.h"

#include <filesystem>

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/data/toy.h"
#include "wgan/data/tensor_source.h"
#include "wgan/data/prefetching_source.h"
#include "wgan/data/toy_source.h"

namespace wgan {

std::shared_ptr<BatchSource> make_batch_source(const TrainConfig& config, const LoadLog& log,
                                               const std::string& default_cache_dir) {
  if (is_custom_dataset(config.dataset))
    throw UsageError("dataset custom: the data is a program's own (RunParts::data, docs/library.md); "
                     "expected a dataset wgan loads: " + join(ToyDistribution::names()) + ", " +
                     join(image_dataset_names()));
  if (is_toy_dataset(config.dataset))
    return std::make_shared<ToySource>(ToyDistribution::from_name(config.dataset), config.seed,
                                       config.toy_points);
  return make_image_batch_source(load_configured_images(config, log, default_cache_dir), config.seed);
}

ImageDataset load_configured_images(const TrainConfig& config, const LoadLog& log,
                                    const std::string& default_cache_dir) {
  const std::string cache = config.data_cache.empty() ? default_cache_dir : config.data_cache;
  ImageDataset data = load_image_dataset(config.dataset, config.data_dir, config.split,
                                         config.image_size, config.channels, cache, log, config.max_image_pixels);
  if (log) log("data: " + data.description);
  return data;
}

std::shared_ptr<BatchSource> make_image_batch_source(const ImageDataset& data, uint64_t seed) {
  // The tensor is shared, not copied.
  return std::make_shared<PrefetchingSource>(std::make_shared<TensorSource>(data.images, seed));
}

std::string data_cache_dir(const TrainConfig& config, const std::string& run_dir) {
  if (!config.data_cache.empty()) return config.data_cache;
  auto dir = std::filesystem::absolute(run_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "runs/x/" names the same as "runs/x"
  auto parent = dir.parent_path();
  if (parent.empty()) parent = ".";
  return (parent / ".wgan-cache").string();
}

}  // namespace wgan

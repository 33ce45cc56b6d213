// The real-data source a configuration names: a toy distribution, or an image dataset loaded
// into memory and served by a background prefetcher.
#pragma once
#include <memory>
#include <string>

#include "wgan/config/config.h"
#include "wgan/data/batch_source.h"
#include "wgan/data/image_dataset.h"

namespace wgan {

// `default_cache_dir` holds decoded image folders when the configuration names no cache.
std::shared_ptr<BatchSource> make_batch_source(const TrainConfig& config, const LoadLog& log = {},
                                               const std::string& default_cache_dir = "");

// The image dataset a configuration names, loaded once (and logged as "data: ..."), for
// a run that serves it as batches and also measures against it (--features).
ImageDataset load_configured_images(const TrainConfig& config, const LoadLog& log,
                                    const std::string& default_cache_dir);

// Batches of an already loaded image dataset, in the run's epoch order, prefetched.
std::shared_ptr<BatchSource> make_image_batch_source(const ImageDataset& data, uint64_t seed);

// The cache directory of a run: --data-cache, else .wgan-cache beside the run directory.
std::string data_cache_dir(const TrainConfig& config, const std::string& run_dir);

}  // namespace wgan

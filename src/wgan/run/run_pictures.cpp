#include "wgan/run/run_pictures.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "wgan/core/random.h"
#include "wgan/data/toy.h"
#include "wgan/eval/metric_registry.h"
#include "wgan/train/trainer.h"
#include "wgan/viz/critic_map.h"
#include "wgan/viz/image_grid.h"
#include "wgan/viz/png.h"
#include "wgan/viz/report.h"

namespace wgan {

RunPictures::RunPictures(const TrainConfig& config, const std::string& run_dir, BatchSource& data)
    : config_(config),
      layout_(run_dir),
      images_(data.sample_shape().size() == 3),
      maps_(data.sample_shape() == std::vector<int64_t>{2}),
      scaling_(config.grid_normalize) {
  // Drawn once from the run's seed: every picture of a run, also after a resume, shows the
  // same latent points.
  auto generator = make_generator(config.seed, Stream::kFixedNoise);
  noise_ = sample_noise(config, images_ ? 64 : 1000, generator);
  if (maps_ && is_toy_dataset(config.dataset)) {
    auto points = make_generator(config.seed, Stream::kFixedNoise, 1);
    const ToyDistribution distribution = ToyDistribution::from_name(config.dataset);
    real_points_ = distribution.sample(1000, points);
    map_extent_ = distribution.extent() * kCriticMapMargin;
  } else if (maps_) {  // a program's own points: the map spans them
    real_points_ = data.batch(0, 1000);
    map_extent_ = real_points_.abs().max().item<double>() * kCriticMapMargin;
    if (!std::isfinite(map_extent_) || map_extent_ <= 0) map_extent_ = 1;
  }
}

std::vector<WrittenPicture> RunPictures::write_real(BatchSource& data) {
  if (!images_) return {};
  real_batch_ = data.batch(0, 64);
  std::filesystem::create_directories(layout_ / RunLayout::kSamples);
  if (std::filesystem::exists(layout_ / RunLayout::kRealSamples)) return {};
  write_png(layout_ / RunLayout::kRealSamples, make_image_grid(real_batch_, 8, 2, scaling_));
  return {{"real", layout_ / RunLayout::kRealSamples}};
}

bool RunPictures::due(int64_t iteration, bool last) const {
  return last || (config_.sample_every > 0 && iteration % config_.sample_every == 0);
}

std::vector<WrittenPicture> RunPictures::write(NetworkImpl& generator, NetworkImpl& critic, int64_t iteration,
                                               bool last, c10::Device device) const {
  std::vector<WrittenPicture> written;
  if (images_) {
    written.push_back(write_grid(generator, iteration, device));
    if (last)
      for (auto& picture : write_real_versus_generated(generator, device)) written.push_back(picture);
  } else if (maps_) {
    written.push_back(write_map(generator, critic, iteration, device));
  }
  ReportOptions options;
  options.in_progress = !last;
  write_run_report(layout_.dir, options);
  return written;
}

WrittenPicture RunPictures::write_grid(NetworkImpl& generator, int64_t iteration, c10::Device device) const {
  std::filesystem::create_directories(layout_ / RunLayout::kSamples);
  const std::string path = layout_ / (std::string(RunLayout::kSamples) + "/" + RunLayout::snapshot_name(iteration));
  write_png(path, make_image_grid(forward_in_eval_mode(generator, noise_, device), 8, 2, scaling_));
  return {"samples", path};
}

std::vector<WrittenPicture> RunPictures::write_real_versus_generated(NetworkImpl& generator, c10::Device device) const {
  if (!real_batch_.defined()) return {};
  // The two grids side by side with a white gap, as seed 000's final figure.
  auto left = make_image_grid(real_batch_, 8, 2, scaling_);
  auto right = make_image_grid(forward_in_eval_mode(generator, noise_, device), 8, 2, scaling_);
  auto gap = torch::full({left.size(0), left.size(1), 16}, 255, torch::kUInt8);
  write_png(layout_ / RunLayout::kRealVersusGenerated, torch::cat({left, gap, right}, 2));
  return {{"real_vs_generated", layout_ / RunLayout::kRealVersusGenerated}};
}

WrittenPicture RunPictures::write_map(NetworkImpl& generator, NetworkImpl& critic, int64_t iteration,
                                      c10::Device device) const {
  std::filesystem::create_directories(layout_ / RunLayout::kMaps);
  CriticMap map;
  map.extent = map_extent_;
  map.values = critic_on_grid(critic, map.extent, kCriticMapResolution, device);
  map.real = real_points_;
  map.fake = forward_in_eval_mode(generator, noise_, device);
  map.title = config_.loss + " on " + config_.dataset + ", iteration " + std::to_string(iteration);
  const std::string path = layout_ / (std::string(RunLayout::kMaps) + "/" + RunLayout::snapshot_name(iteration));
  write_critic_map(map, path);
  return {"critic_map", path};
}

nlohmann::json RunPictures::critic_range(NetworkImpl& critic, c10::Device device) const {
  if (!maps_) return nlohmann::json::object();
  const torch::Tensor values = critic_on_grid(critic, map_extent_, kCriticMapResolution, device);
  return {{metric::kCriticMin, values.min().item<double>()}, {metric::kCriticMax, values.max().item<double>()}};
}

torch::Tensor critic_on_grid(NetworkImpl& critic, double extent, int64_t resolution, c10::Device device) {
  auto axis = torch::linspace(-extent, extent, resolution, torch::kFloat32);
  auto ys = axis.flip(0);
  auto grid = torch::stack({axis.repeat({resolution}), ys.repeat_interleave(resolution)}, 1);
  return forward_in_eval_mode(critic, grid, device).view({resolution, resolution});
}

}  // namespace wgan

// Image-folder decoding throughput: every image of DIR decoded, resized and centre-cropped as
// `wgan train --dataset folder` does it, with no cache, REPEATS times. One JSON line per round
// (docs/datasets.md quotes them).
//
//   wgan_decode_bench DIR [--size 64] [--threads 2] [--repeats 3]
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <string>

#include "wgan/data/image_dataset.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: wgan_decode_bench DIR [--size 64] [--threads 2] [--repeats 3]\n";
    return 2;
  }
  const std::string dir = argv[1];
  int64_t size = 64, threads = 2, repeats = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int64_t value = std::stoll(argv[i + 1]);
    if (flag == "--size") size = value;
    else if (flag == "--threads") threads = value;
    else if (flag == "--repeats") repeats = value;
  }
  torch::set_num_threads(static_cast<int>(threads));
  wgan::FolderOptions options;
  options.image_size = size;
  options.channels = 3;
  options.max_pixels = int64_t{1} << 40;
  for (int64_t round = 0; round < repeats; ++round) {
    const auto start = std::chrono::steady_clock::now();
    const wgan::ImageDataset data = wgan::load_image_folder(dir, options);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << nlohmann::json{{"dir", dir},          {"images", data.images.size(0)}, {"size", size},
                                {"threads", threads},  {"seconds", s},
                                {"images_per_s", data.images.size(0) / s}}
                     .dump()
              << std::endl;
  }
  return 0;
}

// config.json as a checkpoint carries it: read and checked as `train --resume` does.
#include <nlohmann/json.hpp>

#include "fuzz/fuzz_target.h"
#include "fuzz/targets/targets.h"
#include "wgan/config/config.h"

namespace wgan::fuzz {

void read_config(std::string_view input) { validate(config_from_json_text(std::string(input))); }

void write_config_seeds(const std::string& dir) {
  TrainConfig toy;
  resolve_automatic_choices(toy);
  write_file(dir, "toy", to_json(toy).dump(2));
  TrainConfig mnist;
  mnist.dataset = "mnist";
  mnist.data_dir = "mnist";
  mnist.arch = "auto";
  mnist.g_ema = true;
  mnist.augment = "translation,cutout";
  resolve_automatic_choices(mnist);
  write_file(dir, "mnist", to_json(mnist).dump());
}

}  // namespace wgan::fuzz

// Generator averaging: a copy of the generator whose weights follow an exponential moving
// average of the trained one's, theta_avg <- beta * theta_avg + (1 - beta) * theta after every
// generator step, its buffers (batch-norm statistics) copied. The averaged generator gives
// better samples than the raw one (Karras et al. 2018; Yazici et al. 2019); stylegan2-ada sets
// beta by a half-life in images, with a ramp-up for the start of training.
#pragma once
#include <cstdint>
#include <optional>

#include "wgan/config/config.h"
#include "wgan/nets/network.h"

namespace wgan {

struct AveragingSchedule {
  double half_life_kimg = 10;  // the average halves the weight of a step after this many kimg
  double rampup = 0;           // > 0: half-life at most rampup x images seen so far
  std::optional<double> beta;  // a fixed beta instead
};

// The schedule of a run's --g-ema-kimg, --g-ema-rampup and --g-ema-beta.
AveragingSchedule averaging_schedule(const TrainConfig& config);

// beta of the update after a generator step of `global_batch` images, `images_seen` images
// having been generated before it: 0.5^(global_batch / half_life_images), where
// half_life_images = min(1000 * half_life_kimg, rampup * images_seen) with a ramp-up (so the
// first update copies the weights).
double averaging_beta(const AveragingSchedule& schedule, int64_t global_batch, int64_t images_seen);

// average <- beta * average + (1 - beta) * network, parameter by parameter; buffers copied.
// The two networks must have the same structure.
void update_average(NetworkImpl& average, const NetworkImpl& network, double beta);

}  // namespace wgan

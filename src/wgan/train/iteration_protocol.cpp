#include "wgan/train/iteration_protocol.h"

#include <optional>
#include <string>

#include "wgan/core/error.h"
#include "wgan/distributed/data_parallel.h"

namespace wgan {
namespace {

bool every(int64_t it, int64_t interval) { return interval > 0 && it % interval == 0; }

}  // namespace

bool ReadSchedule::records(int64_t it) const {
  return it == iters || every(it, log_every) || every(it, print_every) || every(it, eval_every) ||
         every(it, sample_every) || every(it, checkpoint_every);
}

ReadSchedule read_schedule(const TrainConfig& c, bool reads_are_free) {
  ReadSchedule s;
  s.iters = c.iters;
  s.log_every = c.log_every;
  s.print_every = c.print_every;
  s.eval_every = c.eval_every;
  s.sample_every = c.sample_every;
  s.checkpoint_every = c.checkpoint_every;
  s.every_iteration = reads_are_free;
  return s;
}

void join_group(Trainer& trainer, ProcessGroup& group) {
  trainer.set_rank(group.rank(), group.world_size());
  trainer.before_optimizer_step = [&group](NetworkImpl& network) { average_gradients(group, network); };
  check_same_parameters(group, trainer.generator(), "generator");
  check_same_parameters(group, trainer.critic(), "critic");
  if (trainer.networks().averaged_generator)
    check_same_parameters(group, *trainer.networks().averaged_generator, "averaged generator");
}

IterationProtocol::IterationProtocol(Trainer& trainer, ProcessGroup* group, ReadSchedule schedule)
    : trainer_(trainer), group_(group), schedule_(schedule) {}

IterationProtocol::Outcome IterationProtocol::iteration(bool stop_requested, const Record& record) {
  Outcome out;
  out.stats = trainer_.train_iteration();
  const int64_t it = out.stats.iteration;
  std::optional<DivergenceError> diverged;
  if (schedule_.reads(it)) {
    reads_.push_back(it);
    try {
      trainer_.check_divergence();
    } catch (const DivergenceError& e) {
      diverged = e;
    }
  }
  bool any_diverged = diverged.has_value(), stop = stop_requested;
  if (group_) {
    IterationStats& s = out.stats;
    const std::vector<bool> any =
        average_values_and_any(*group_, {&s.loss_d, &s.loss_g, &s.d_real, &s.d_fake, &s.penalty}, {any_diverged, stop});
    any_diverged = any[0];
    stop = any[1];
  }
  if (diverged) throw *diverged;
  if (any_diverged)
    throw DivergenceError("another rank's loss or gradient was not finite at iteration " + std::to_string(it) +
                          " or before");
  if (schedule_.records(it)) {
    const bool keep_going = !record || record(out.stats);
    stop = stop || !keep_going;
    if (group_) stop = average_values_and_any(*group_, {}, {!keep_going})[0] || stop;
  }
  out.stop = stop;
  return out;
}

}  // namespace wgan

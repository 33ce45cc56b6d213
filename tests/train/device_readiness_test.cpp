// GPU readiness without a GPU. A training step that runs on the CPU here must also run on a
// GPU, and fast: no tensor of the step may be made on the CPU by default (on a GPU it would be
// mixed with the device's tensors and fail, or be copied over each time), and no value may be
// read back to the host (a read waits for the GPU's queue). The step is watched as it runs,
// through LibTorch's operator observer (RecordFunction): every operator the step calls
// directly that makes a tensor from nothing (empty, zeros, rand, arange, ...) must name its
// device — the run's, or the CPU on purpose for the draws from the run's CPU generators, which
// are then moved — and nothing may call item() (aten::_local_scalar_dense) under --on-nan stop.
//
// Why not the `meta` device, whose tensors have shapes and no data: LibTorch's C++ library has
// no meta kernels for ordinary operators such as aten::relu (Python registers them when it
// imports torch), measured with both 1.13 and 2.15, so no training step runs there; and the C++
// frontend's Module::to refuses to move parameters to meta at all.
//
// The cases cover both kinds of network (MLPs on points, convolutions on images), each
// constraint, the averaged generator, augmentation and bf16.
#include <ATen/record_function.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <string>

#include "wgan/data/tensor_source.h"
#include "wgan/train/batch_source_factory.h"
#include "wgan/train/networks.h"
#include "wgan/train/trainer.h"

namespace wgan {
namespace {

// What the step did that a GPU would not forgive, in the order seen.
class StepWatch {
 public:
  StepWatch() {
    problems_.clear();
    handle_ = at::addGlobalCallback(at::RecordFunctionCallback(&StepWatch::enter, &StepWatch::leave)
                                        .needsInputs(true)
                                        .scopes({at::RecordScope::FUNCTION}));
    active_ = true;
  }
  ~StepWatch() {
    active_ = false;
    at::removeCallback(handle_);
  }
  std::vector<std::string> problems() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return problems_;
  }

 private:
  // The operators that make a tensor from nothing, with a `device` argument.
  static bool makes_a_tensor(const std::string& name) {
    static const std::set<std::string> factories = {
        "aten::empty",    "aten::empty_strided", "aten::zeros",   "aten::ones",         "aten::full",
        "aten::rand",     "aten::randn",         "aten::randint", "aten::randperm",     "aten::arange",
        "aten::linspace", "aten::logspace",      "aten::eye",     "aten::scalar_tensor"};
    return factories.count(name) > 0;
  }
  static void note(const std::string& problem) {
    std::lock_guard<std::mutex> lock(mutex_);
    problems_.push_back(problem);
  }
  static std::unique_ptr<at::ObserverContext> enter(const at::RecordFunction& fn) {
    if (!active_) return nullptr;
    const std::string name = fn.name();
    if (name == "aten::_local_scalar_dense") note("a host read (item) in the step");
    if (depth_++ == 0 && makes_a_tensor(name)) {
      const auto schema = fn.operator_schema();
      const auto inputs = fn.inputs();
      if (schema) {
        const auto index = schema->argumentIndexWithName("device");
        if (index && *index < inputs.size() && inputs[*index].isNone())
          note(name + " without a device (a tensor on the CPU by default)");
      }
    }
    return nullptr;
  }
  static void leave(const at::RecordFunction&, at::ObserverContext*) {
    if (depth_ > 0) --depth_;
  }

  at::CallbackHandle handle_ = 0;
  static inline std::atomic<bool> active_{false};
  static inline thread_local int depth_ = 0;  // operators called by operators are theirs
  static inline std::mutex mutex_;
  static inline std::vector<std::string> problems_;
};

struct Case {
  std::string name;
  bool images = false;
  std::string loss = "wgan-gp", constraint = "auto";
  bool ema = false;
  std::string augment = "none";
  Precision precision = Precision::kFp32;
};
// ctest shows the case's name, not its bytes.
void PrintTo(const Case& k, std::ostream* out) { *out << k.name; }

TrainConfig config_of(const Case& k) {
  TrainConfig c;
  c.loss = k.loss;
  apply_loss_defaults(c);
  c.constraint = k.constraint;
  c.dataset = k.images ? std::string(kCustomDataset) : "gaussians8";
  c.image_size = k.images ? 16 : 0;
  c.channels = k.images ? 1 : 0;
  c.ngf = c.ndf = 4;
  c.g_width = c.d_width = 8;
  c.g_depth = c.d_depth = 1;
  c.batch_size = 4;
  c.n_critic = 2;
  c.g_ema = k.ema;
  c.g_ema_rampup = 0;
  c.augment = k.augment;
  c.precision = k.precision;
  if (k.images) c.arch = "dcgan";
  resolve_automatic_choices(c);
  return c;
}

std::shared_ptr<BatchSource> data_of(const TrainConfig& c, bool images) {
  if (!images) return make_batch_source(c);
  return std::make_shared<TensorSource>(torch::randint(0, 256, {16, 1, 16, 16}, torch::kUInt8), c.seed);
}

class DeviceReadiness : public ::testing::TestWithParam<Case> {};

TEST_P(DeviceReadiness, TheStepMakesNoTensorOnTheCpuByDefaultAndReadsNothingBack) {
  const Case& k = GetParam();
  const TrainConfig c = config_of(k);
  Trainer trainer(c, make_networks(c), data_of(c, k.images), torch::Device(torch::kCPU));
  trainer.train_iteration();  // the first builds what later ones reuse; it is watched too
  std::vector<std::string> problems;
  {
    StepWatch watch;
    for (int i = 0; i < 2; ++i) trainer.train_iteration();
    problems = watch.problems();
  }
  for (const auto& p : problems) ADD_FAILURE() << p;
  EXPECT_EQ(trainer.nonfinite_watch().reads(), 0);
}

std::vector<Case> cases() {
  std::vector<Case> all;
  for (bool images : {false, true}) {
    const std::string kind = images ? "images_" : "points_";
    for (const std::string constraint : {"clip", "gp", "lp", "r1", "sn", "none"}) {
      Case k{kind + constraint, images};
      k.constraint = constraint;
      if (constraint == "clip") k.loss = "wgan";
      all.push_back(k);
    }
    Case gan{kind + "gan", images};
    gan.loss = "gan";
    all.push_back(gan);
    Case ema{kind + "ema", images};
    ema.ema = true;
    all.push_back(ema);
    Case bf16{kind + "bf16", images};
    bf16.precision = Precision::kBf16;
    all.push_back(bf16);
  }
  Case augment{"images_augment", true};
  augment.augment = "translation,cutout,color";
  all.push_back(augment);
  return all;
}

INSTANTIATE_TEST_SUITE_P(EveryPart, DeviceReadiness, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace wgan

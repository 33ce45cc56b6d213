// Every training option, in the order the command line applies them: to add an option, add
// its member to TrainConfig (config.h) and its row here (docs/development.md). A row says the
// key in config.json, the flag, what --resume may do with it, the help, the member, and the
// check of its values; option_rows.h has the builders, one per kind of value.
#include "wgan/config/option_rows.h"
#include "wgan/data/diff_augment.h"
#include "wgan/nets/network_family.h"

namespace wgan {
namespace {

using namespace option_rows;

constexpr OnResume kMay = OnResume::kMayChange, kMust = OnResume::kMustMatch, kNo = OnResume::kRefused;

#define FIELD(member) \
  [](auto& c) -> auto& { return c.member; }

template <typename Access>
OptionSpec text_row(Row r, Access access, Check check = any()) {
  return value_row(std::move(r), OptionKind::kText, access, std::move(check));
}
template <typename Access>
OptionSpec integer_row(Row r, Access access, Check check) {
  return value_row(std::move(r), OptionKind::kInteger, access, std::move(check));
}
template <typename Access>
OptionSpec count_row(Row r, Access access) {
  return value_row(std::move(r), OptionKind::kCount, access);
}
template <typename Access>
OptionSpec number_row(Row r, Access access, Check check) {
  return value_row(std::move(r), OptionKind::kNumber, access, std::move(check));
}
template <typename Access>
OptionSpec switch_row(Row r, Access access) {
  return value_row(std::move(r), OptionKind::kSwitch, access);
}

Check device_name() {
  return [](const json& v) {
    const std::string d = v.get<std::string>();
    if (d == "cpu" || d == "auto" || d.rfind("cuda", 0) == 0) return std::string();
    return "unknown device '" + d + "'; expected cpu, cuda, cuda:N or auto";
  };
}

Check augmentation_check() {
  return [](const json& v) {
    try {
      parse_augmentations(v.get<std::string>());
      return std::string();
    } catch (const OptionError& e) {
      return e.problem;
    }
  };
}

std::vector<std::string> arch_choices() {
  std::vector<std::string> names = with_auto(network_family_names());
  names.push_back(kCustomArch);
  return names;
}

// The optimiser options of one network: `which` is "d" or "g".
template <typename Access>
std::vector<OptionSpec> optimizer_rows(const std::string& which, const std::string& whose, Access opt) {
  const std::string k = "optimizer_" + which + ".", f = "-" + which;
  return {
      choice_row(
          {k + "name", "--optimizer" + f, kMust, whose + " optimizer"},
          [opt](auto& c) -> auto& { return opt(c).name; }),
      number_row(
          {k + "lr", "--lr" + f, kNo, whose + " learning rate"}, [opt](auto& c) -> auto& { return opt(c).lr; },
          positive_number()),
      number_row(
          {k + "beta1", "--beta1" + f, kNo, whose + " Adam beta1"}, [opt](auto& c) -> auto& { return opt(c).beta1; },
          fraction()),
      number_row(
          {k + "beta2", "--beta2" + f, kNo, whose + " Adam beta2"}, [opt](auto& c) -> auto& { return opt(c).beta2; },
          fraction()),
      number_row(
          {k + "alpha", "", kNo, whose + " RMSProp smoothing constant"},
          [opt](auto& c) -> auto& { return opt(c).alpha; }, fraction()),
      number_row(
          {k + "eps", "", kNo, whose + " optimizer epsilon"}, [opt](auto& c) -> auto& { return opt(c).eps; },
          positive_number()),
      number_row(
          {k + "momentum", "", kNo, whose + " SGD/RMSProp momentum"},
          [opt](auto& c) -> auto& { return opt(c).momentum; }, non_negative_number()),
      number_row(
          {k + "weight_decay", "--weight-decay" + f, kNo, whose + " L2 weight decay"},
          [opt](auto& c) -> auto& { return opt(c).weight_decay; }, non_negative_number()),
  };
}

}  // namespace

std::vector<OptionSpec> build_option_table() {
  std::vector<OptionSpec> t = {
      text_row({"preset", "", kNo, "the preset the run started from (--preset)"}, FIELD(preset)),
      named_row({"dataset", "--dataset", kMust, "data"}, FIELD(dataset), dataset_names()),
      named_row({"loss", "--loss", kMust, "adversarial loss with its own constraint and the papers' optimiser"},
                FIELD(loss), loss_names()),
      added_later(
          named_row({"constraint", "--constraint", kMust, "Lipschitz constraint of the critic (auto: the loss's own)"},
                    FIELD(constraint), with_auto(constraint_names()))),
      text_row({"data", "--data", kMay, "directory of an image dataset"}, FIELD(data_dir)),
      choice_row({"split", "--split", kNo, "dataset split"}, FIELD(split)),
      integer_row({"image_size", "--image-size", kMust, "resize images to this size (0: the dataset's own)"},
                  FIELD(image_size), non_negative_integer()),
      integer_row({"channels", "--channels", kMust, "convert images to 1 or 3 channels (0: the dataset's own)"},
                  FIELD(channels), non_negative_integer()),
      text_row(
          {"data_cache", "--data-cache", kMay, "cache of decoded image folders (default: .wgan-cache beside the run)"},
          FIELD(data_cache)),
      added_later(integer_row({"max_image_pixels", "--max-image-pixels", kMay,
                               "image folders: larger images are refused before they are decoded"},
                              FIELD(max_image_pixels), positive_integer())),
      named_row({"arch", "--arch", kMust,
                 "network family (auto: mlp for 2-D data, by image size for images; custom: a program's own)"},
                FIELD(arch), arch_choices()),
      integer_row({"ngf", "--ngf", kMust, "generator width of the image networks"}, FIELD(ngf), positive_integer()),
      integer_row({"ndf", "--ndf", kMust, "critic width of the image networks"}, FIELD(ndf), positive_integer()),
      choice_row({"norm_g", "--norm-g", kMust, "generator normalisation"}, FIELD(norm_g)),
      choice_row({"norm_d", "--norm-d", kMust, "critic normalisation"}, FIELD(norm_d)),
      integer_row({"extra_layers", "--extra-layers", kMust, "dcgan: extra 3x3 layers in both networks"},
                  FIELD(extra_layers), non_negative_integer()),
      switch_row({"allow_bn_critic", "--allow-bn-critic", kNo, "allow a batch-norm critic under a gradient penalty"},
                 FIELD(allow_bn_critic)),
      added_later(text_row({"augment", "--augment", kNo,
                            "images: differentiable augmentation of real and generated batches before the critic, a "
                            "comma-separated list of color, translation, cutout (DiffAugment), or none"},
                           FIELD(augment), augmentation_check())),
      integer_row({"sample_every", "--sample-every", kMay,
                   "iterations between sample grids (images) or critic maps (2-D data); 0: only at the end"},
                  FIELD(sample_every), non_negative_integer()),
      choice_row({"grid_normalize", "--grid-normalize", kMay,
                  "grid pixels: range ((x+1)/2), batch or each (min-max, as make_grid(normalize=True))"},
                 FIELD(grid_normalize)),
      integer_row({"iters", "--iters", kMay, "generator iterations (the linear schedule decays to 0 there)"},
                  FIELD(iters), positive_integer()),
      integer_row(
          {"batch_size", "--batch-size", kNo, "samples per batch and rank (0: 256 for 2-D data, 64 for images)"},
          FIELD(batch_size), positive_integer()),
      added_later(integer_row({"world_size", "", kNo, "data-parallel ranks (set by --nproc or --world-size)"},
                              FIELD(world_size), positive_integer())),
      integer_row({"n_critic", "--n-critic", kNo, "critic steps per generator step"}, FIELD(n_critic),
                  positive_integer()),
      switch_row({"critic_warmup", "--critic-warmup", kNo,
                  "100 critic steps for the first 25 iterations and every 500th (reference WGAN code)"},
                 FIELD(critic_warmup)),
  };
  for (auto& r : optimizer_rows("d", "critic", FIELD(optimizer_d))) t.push_back(std::move(r));
  for (auto& r : optimizer_rows("g", "generator", FIELD(optimizer_g))) t.push_back(std::move(r));
  std::vector<OptionSpec> rest = {
      choice_row({"lr_schedule", "--lr-schedule", kNo, "learning-rate schedule"}, FIELD(lr_schedule)),
      number_row({"lr_decay", "--lr-decay", kNo, "inverse-time decay: lr / (1 + decay * step)"}, FIELD(lr_decay),
                 non_negative_number()),
      number_or_none_row({"clip", "--clip", kNo, "weight clipping bound c of the clip constraint, or 'none'"},
                         FIELD(clip), positive_number()),
      choice_row({"clip_scope", "--clip-scope", kNo, "clip all critic parameters, or weights only"}, FIELD(clip_scope)),
      number_row({"gp_lambda", "--gp-lambda", kNo, "weight of the gp and lp penalties"}, FIELD(gp_lambda),
                 non_negative_number()),
      added_later(number_row({"r1_gamma", "--r1-gamma", kNo, "r1: the penalty is (gamma/2) mean(|grad D(real)|^2)"},
                             FIELD(r1_gamma), non_negative_number())),
      added_later(integer_row(
          {"r1_every", "--r1-every", kNo, "r1: every k-th critic step, weighted by k (lazy, as stylegan2-ada's 16)"},
          FIELD(r1_every), positive_integer())),
      added_later(switch_row(
          {"g_ema", "--g-ema", kMust, "keep an exponential moving average of the generator's weights (checkpointed)"},
          FIELD(g_ema))),
      added_later(number_row({"g_ema_kimg", "--g-ema-kimg", kNo, "generator average: half-life in thousands of images"},
                             FIELD(g_ema_kimg), positive_number())),
      added_later(number_row({"g_ema_rampup", "--g-ema-rampup", kNo,
                              "generator average: half-life at most this times the images seen so far (0: off)"},
                             FIELD(g_ema_rampup), non_negative_number())),
      added_later(number_or_none_row({"g_ema_beta", "--g-ema-beta", kNo,
                                      "generator average: a fixed beta per generator step instead of the half-life"},
                                     FIELD(g_ema_beta), fraction())),
      added_later(choice_row({"generator", "--generator", kMay,
                              "generator of the pictures and evaluations (auto: ema with --g-ema; both: also the raw "
                              "one's metrics, as raw_<key>)"},
                             FIELD(generator))),
      integer_row({"nz", "--nz", kMust, "noise dimension (0: 2 for 2-D data, 100 for images)"}, FIELD(nz),
                  positive_integer()),
      choice_row({"noise", "--noise", kNo, "noise distribution (uniform: in [-1, 1])"}, FIELD(noise)),
      integer_row({"g_width", "--g-width", kMust, "generator MLP width"}, FIELD(g_width), positive_integer()),
      integer_row({"g_depth", "--g-depth", kMust, "generator MLP hidden layers"}, FIELD(g_depth),
                  non_negative_integer()),
      integer_row({"d_width", "--d-width", kMust, "critic MLP width"}, FIELD(d_width), positive_integer()),
      integer_row({"d_depth", "--d-depth", kMust, "critic MLP hidden layers"}, FIELD(d_depth), non_negative_integer()),
      choice_row({"activation", "--activation", kMust, "MLP activation"}, FIELD(activation)),
      integer_row({"toy_points", "--toy-points", kNo, "fixed toy training set size (0: fresh samples per batch)"},
                  FIELD(toy_points), non_negative_integer()),
      added_later(text_row({"features", "--features", kMay,
                            "feature network for FID/KID of images (TorchScript: wgan classifier train, or Inception)"},
                           FIELD(features))),
      count_row({"seed", "--seed", kNo, "random seed (an integer >= 0)"}, FIELD(seed)),
      integer_row({"threads", "--threads", kMay, "CPU threads (0: all cores)"}, FIELD(threads), non_negative_integer()),
      added_later(switch_off(switch_row({"share_cores", "--no-share-cores", kMay,
                                         "keep --threads when other processes are busy (default: fewer threads, down "
                                         "to 1, while they are; docs/performance.md)"},
                                        FIELD(share_cores)))),
      text_row({"device", "--device", kNo, "cpu, cuda, cuda:N or auto"}, FIELD(device), device_name()),
      integer_row({"log_every", "--log-every", kMay, "iterations between metrics.jsonl records"}, FIELD(log_every),
                  positive_integer()),
      added_later(switch_off(switch_row(
          {"tensorboard", "--no-tensorboard", kMay, "write no TensorBoard event files (docs/tensorboard.md)"},
          FIELD(tensorboard)))),
      added_later(integer_row({"histogram_every", "--histogram-every", kMay,
                               "iterations between TensorBoard histograms of the weights (0: none)"},
                              FIELD(histogram_every), non_negative_integer())),
      integer_row({"print_every", "--print-every", kMay, "iterations between console lines"}, FIELD(print_every),
                  positive_integer()),
      integer_row({"eval_every", "--eval-every", kMay, "iterations between evaluations (0: only at the end)"},
                  FIELD(eval_every), non_negative_integer()),
      integer_row({"eval_samples", "--eval-samples", kMay, "generated samples per evaluation"}, FIELD(eval_samples),
                  positive_integer()),
      integer_row(
          {"checkpoint_every", "--checkpoint-every", kMay, "iterations between checkpoints (0: only the final one)"},
          FIELD(checkpoint_every), non_negative_integer()),
      integer_row({"keep_checkpoints", "--keep-checkpoints", kMay, "periodic checkpoints kept (the newest)"},
                  FIELD(keep_checkpoints), positive_integer()),
      choice_row({"on_nan", "--on-nan", kMay, "on a non-finite loss or gradient"}, FIELD(on_nan)),
      switch_row({"quiet", "--quiet", kMay, "print only the start and the summary"}, FIELD(quiet)),
      added_later(switch_row(
          {"force", "--force", kMay, "start even when a training step's estimated memory exceeds what is available"},
          FIELD(force))),
      added_later(switch_off(switch_row({"fast_paths", "--no-fast-paths", kNo,
                                         "the straightforward computation, for comparison (docs/performance.md)"},
                                        FIELD(fast_paths)))),
      added_later(choice_row({"precision", "--precision", kNo,
                              "bf16: autocast the networks' products to bfloat16 (CPUs with AVX-512 BF16/AMX, GPUs)"},
                             FIELD(precision))),
  };
  for (auto& r : rest) t.push_back(std::move(r));
  return t;
}

#undef FIELD

}  // namespace wgan

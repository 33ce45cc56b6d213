// The losses and constraints by name: what `--loss` and `--constraint` accept, each one's
// defaults from its paper, and what it requires of the critic. Adding a constraint is one
// entry here and one class beside weight_clipping.h and gradient_penalty.h.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wgan {

class Objective;
class LipschitzConstraint;
class AdversarialLoss;
struct ObjectiveOptions;

// Defaults of the constraints' settings (their papers).
constexpr double kDefaultClip = 0.01;      // WGAN, Arjovsky et al. 2017
constexpr double kDefaultGpLambda = 10.0;  // WGAN-GP, Gulrajani et al. 2017
constexpr double kDefaultR1Gamma = 10.0;   // R1, Mescheder et al. 2018
constexpr int64_t kDefaultR1Every = 1;     // every critic step (stylegan2-ada's lazy: 16)

struct OptimizerDefaults {
  OptimizerDefaults(std::string name_, double lr_, double beta1_ = 0.5, double beta2_ = 0.9)
      : name(std::move(name_)), lr(lr_), beta1(beta1_), beta2(beta2_) {}
  std::string name;
  double lr;
  double beta1, beta2;  // Adam's, when the optimiser is Adam
};

// A named objective of `--loss`: an adversarial loss with its own constraint and its paper's
// optimiser and number of critic steps.
struct LossEntry {
  std::string name;                                        // what --loss names (losses() lists them)
  std::unique_ptr<AdversarialLoss> (*make_adversarial)();  // its loss term (losses.h)
  std::string constraint;                                  // the constraint it comes with: a name of constraints()
  OptimizerDefaults optimizer;
  int64_t n_critic;
  std::string source;
};

struct ConstraintEntry {
  std::string name;  // what --constraint names (constraints() lists them)
  std::string description;
  // A penalty is a sum over samples: batch norm, which mixes the samples of a batch, breaks it.
  bool needs_per_sample_critic = false;
  // Built into the critic rather than added to its loss: its weights are spectrally normalised
  // (nets/spectral_norm.h), and its automatic normalisation is none.
  bool spectral_norm = false;
  std::string source;
  // Builds it from the objective's options; null for none.
  std::unique_ptr<LipschitzConstraint> (*make)(const ObjectiveOptions& options) = nullptr;
};

const std::vector<LossEntry>& losses();
const std::vector<ConstraintEntry>& constraints();
// UsageError naming the choices when unknown.
const LossEntry& loss_entry(const std::string& name);
const ConstraintEntry& constraint_entry(const std::string& name);
const std::vector<std::string>& loss_names();
const std::vector<std::string>& constraint_names();

// What an objective is built from.
struct ObjectiveOptions {
  std::string loss = "wgan-gp";
  std::string constraint = "auto";            // auto: the loss's own
  std::optional<double> clip = kDefaultClip;  // none: the clip constraint clips nothing
  bool clip_weights_only = false;             // leave normalisation layers' parameters alone
  double gp_lambda = kDefaultGpLambda;
  double r1_gamma = kDefaultR1Gamma;
  int64_t r1_every = kDefaultR1Every;
};

// The constraint `options` resolve to (auto: the loss's own).
std::string resolved_constraint(const ObjectiveOptions& options);
std::unique_ptr<Objective> make_objective(const ObjectiveOptions& options);

}  // namespace wgan

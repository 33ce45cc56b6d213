#include "wgan/objectives/objective_registry.h"

#include "wgan/core/error.h"
#include "wgan/core/names.h"
#include "wgan/objectives/gradient_penalty.h"
#include "wgan/objectives/losses.h"
#include "wgan/objectives/objective_values.h"
#include "wgan/objectives/r1_penalty.h"
#include "wgan/objectives/weight_clipping.h"

namespace wgan {
namespace {

std::unique_ptr<AdversarialLoss> wasserstein() { return std::make_unique<WassersteinLoss>(); }
std::unique_ptr<AdversarialLoss> bce() { return std::make_unique<BceLoss>(); }

// A constraint's row: what it is, then what it asks of the critic (per_sample, in_critic).
ConstraintEntry constraint(const char* name, std::string description, std::string source,
                           std::unique_ptr<LipschitzConstraint> (*make)(const ObjectiveOptions&)) {
  ConstraintEntry e;
  e.name = name;
  e.description = std::move(description);
  e.source = std::move(source);
  e.make = make;
  return e;
}
ConstraintEntry per_sample(ConstraintEntry e) {
  e.needs_per_sample_critic = true;
  return e;
}
ConstraintEntry in_critic(ConstraintEntry e) {
  e.spectral_norm = true;
  return e;
}

std::unique_ptr<LipschitzConstraint> make_clipping(const ObjectiveOptions& o) {
  return std::make_unique<WeightClipping>(o.clip, o.clip_weights_only);
}
std::unique_ptr<LipschitzConstraint> make_gradient_penalty(const ObjectiveOptions& o) {
  return std::make_unique<GradientPenalty>(o.gp_lambda);
}
std::unique_ptr<LipschitzConstraint> make_one_sided_penalty(const ObjectiveOptions& o) {
  return std::make_unique<GradientPenalty>(o.gp_lambda, Sides::kOne);
}
std::unique_ptr<LipschitzConstraint> make_r1_penalty(const ObjectiveOptions& o) {
  return std::make_unique<R1Penalty>(o.r1_gamma, o.r1_every);
}
std::unique_ptr<LipschitzConstraint> make_none(const ObjectiveOptions&) { return nullptr; }

}  // namespace

const std::vector<LossEntry>& losses() {
  static const std::vector<LossEntry> entries = {
      // DCGAN: Adam 2e-4, (0.5, 0.999), one discriminator step per generator step.
      {Loss::gan.name,
       bce,
       Constraint::none.name,
       {"adam", 2e-4, 0.5, 0.999},
       1,
       "Goodfellow et al. 2014; Radford et al. 2016 (DCGAN)"},
      // Arjovsky et al.: RMSProp 5e-5 (PyTorch's alpha 0.99, eps 1e-8), c = 0.01, n_critic 5.
      {Loss::wgan.name, wasserstein, Constraint::clip.name, {"rmsprop", 5e-5}, 5, "Arjovsky et al. 2017, Algorithm 1"},
      // Gulrajani et al., Algorithm 1 with the scripts' beta1: Adam 1e-4, (0.5, 0.9), lambda 10.
      {Loss::wgan_gp.name,
       wasserstein,
       Constraint::gp.name,
       {"adam", 1e-4, 0.5, 0.9},
       5,
       "Gulrajani et al. 2017, Algorithm 1"},
  };
  return entries;
}

const std::vector<ConstraintEntry>& constraints() {
  static const std::vector<ConstraintEntry> entries = {
      constraint(Constraint::clip.name,
                 "every critic parameter clamped to [-c, c] after each critic step (clip, clip_scope)",
                 "Arjovsky et al. 2017", make_clipping),
      per_sample(constraint(Constraint::gp.name,
                            "lambda * mean((||grad D(x_hat)||_2 - 1)^2) at random interpolates (gp_lambda)",
                            "Gulrajani et al. 2017", make_gradient_penalty)),
      per_sample(constraint(Constraint::lp.name,
                            "lambda * mean(max(0, ||grad D(x_hat)||_2 - 1)^2) at random interpolates (gp_lambda)",
                            "Petzka et al. 2018 (WGAN-LP)", make_one_sided_penalty)),
      per_sample(
          constraint(Constraint::r1.name,
                     "(gamma/2) * mean(||grad D(x)||^2) on the real batch, every r1_every critic steps (r1_gamma)",
                     "Mescheder et al. 2018", make_r1_penalty)),
      // Nothing to add to the loss: the critic is built with it (network_options).
      in_critic(constraint(Constraint::sn.name,
                           "every critic weight W used as W / sigma(W), sigma by one power iteration per forward pass",
                           "Miyato et al. 2018", make_none)),
      constraint(Constraint::none.name, "nothing", "", make_none),
  };
  return entries;
}

const LossEntry& loss_entry(const std::string& name) {
  for (const auto& e : losses())
    if (e.name == name) return e;
  throw UsageError("unknown loss '" + name + "'; expected one of " + join(loss_names()));
}

const ConstraintEntry& constraint_entry(const std::string& name) {
  for (const auto& e : constraints())
    if (e.name == name) return e;
  throw UsageError("unknown constraint '" + name + "'; expected one of " + join(constraint_names()));
}

const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> names = names_of(losses());
  return names;
}

const std::vector<std::string>& constraint_names() {
  static const std::vector<std::string> names = names_of(constraints());
  return names;
}

std::string resolved_constraint(const ObjectiveOptions& o) {
  return o.constraint == Constraint::automatic.name ? loss_entry(o.loss).constraint
                                                    : constraint_entry(o.constraint).name;
}

std::unique_ptr<Objective> make_objective(const ObjectiveOptions& o) {
  const LossEntry& loss = loss_entry(o.loss);
  return std::make_unique<Objective>(loss.make_adversarial(), constraint_entry(resolved_constraint(o)).make(o));
}

}  // namespace wgan

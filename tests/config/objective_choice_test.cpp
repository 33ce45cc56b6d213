// Objectives chosen by value: each value names a row of the registry, and set_objective gives
// what `--loss L --constraint C` gives on the command line.
#include <gtest/gtest.h>

#include "wgan/config/objective_choice.h"
#include "wgan/config/option_table.h"
#include "wgan/objectives/objective_registry.h"

namespace wgan {
namespace {

TEST(ObjectiveChoice, EveryValueIsARowOfTheRegistryAndEveryRowHasAValue) {
  const std::vector<Loss> loss_values = {Loss::gan, Loss::wgan, Loss::wgan_gp};
  const std::vector<Constraint> constraint_values = {Constraint::clip, Constraint::gp, Constraint::lp,
                                                     Constraint::r1,   Constraint::sn, Constraint::none};
  std::vector<std::string> losses_named, constraints_named;
  for (const Loss& l : loss_values) losses_named.push_back(loss_entry(l.name).name);
  for (const Constraint& c : constraint_values) constraints_named.push_back(constraint_entry(c.name).name);
  EXPECT_EQ(losses_named, loss_names());
  EXPECT_EQ(constraints_named, constraint_names());
}

TEST(ObjectiveChoice, SetsWhatTheCommandLinesLossAndConstraintSet) {
  TrainConfig by_value;
  by_value.optimizer_d.lr = 0.5;  // overwritten by the loss's paper
  set_objective(by_value, Loss::wgan, Constraint::lp);

  TrainConfig by_name;
  // As `wgan train --loss wgan --constraint lp` does: the flag's value, the loss's defaults.
  option_spec("loss").set(by_name, option_spec("loss").read("wgan"));
  apply_loss_defaults(by_name);
  option_spec("constraint").set(by_name, option_spec("constraint").read("lp"));
  EXPECT_EQ(to_json(by_value), to_json(by_name));
  EXPECT_EQ(by_value.optimizer_d.name, OptimizerKind::kRmsprop);
  EXPECT_DOUBLE_EQ(by_value.optimizer_d.lr, 5e-5);
  EXPECT_EQ(by_value.constraint, "lp");

  set_objective(by_value, Loss::wgan_gp);
  EXPECT_EQ(by_value.constraint, "auto");
  EXPECT_EQ(by_value.n_critic, 5);
  EXPECT_EQ(by_value.optimizer_g.name, OptimizerKind::kAdam);
}

}  // namespace
}  // namespace wgan

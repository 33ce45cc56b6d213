// wgan's public API: everything a program that trains, samples or evaluates GANs with the
// library needs, and what `cmake --install` installs (the headers this one reaches).
// docs/library.md is the tour.
#pragma once

#include "wgan/build_info.h"
#include "wgan/config/config.h"                  // TrainConfig: every option
#include "wgan/config/objective_choice.h"        // set_objective(config, Loss, Constraint)
#include "wgan/config/option_table.h"            // the options' table (flags, checks, JSON)
#include "wgan/config/presets.h"                 // the seeds' experiments
#include "wgan/core/error.h"                     // UsageError, OptionError, RunError
#include "wgan/data/batch_source.h"              // your own data: a batch by its index
#include "wgan/data/tensor_source.h"             // ... or samples held in a tensor
#include "wgan/eval/metric_registry.h"           // the keys of metrics.jsonl's records
#include "wgan/eval/wasserstein.h"               // exact and sliced Wasserstein distances
#include "wgan/nets/module_network.h"            // your own torch::nn modules as networks
#include "wgan/nets/network.h"                   // NetworkImpl, NetworkPair
#include "wgan/nets/network_factory.h"           // networks from NetworkOptions
#include "wgan/nets/network_family.h"            // the network families' registry
#include "wgan/nets/torchscript_export.h"        // a generator as a TorchScript module
#include "wgan/objectives/objective_registry.h"  // losses and Lipschitz constraints
#include "wgan/objectives/objective_values.h"    // ... as values: Loss::wgan_gp, Constraint::lp
#include "wgan/run/run.h"                        // a whole run in a run directory; RunParts
#include "wgan/run/run_directory.h"
#include "wgan/run/run_parts.h"     // ... of a program's own: train_run, resume_run
#include "wgan/train/checkpoint.h"  // checkpoints, exact resume
#include "wgan/train/trainer.h"     // one training iteration at a time

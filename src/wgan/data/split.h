// Which part of a dataset: auto (every split the directory holds), train, test, or all (both
// required; for a download, both kinds of files).
#pragma once
#include "wgan/core/choice.h"

namespace wgan {

enum class Split { kAuto, kTrain, kTest, kAll };
inline constexpr ChoiceName<Split> kSplitNames[] = {
    {Split::kAuto, "auto"}, {Split::kTrain, "train"}, {Split::kTest, "test"}, {Split::kAll, "all"}};
constexpr const auto& choice_table(Split) { return kSplitNames; }

}  // namespace wgan

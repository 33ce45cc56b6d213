// Precompiled header: the one place <torch/torch.h> is pulled in for every translation unit.
#pragma once
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#!/usr/bin/env bash
# Configures and builds wgan (Release) into build/. Extra arguments go to CMake's configure.
# The compiler is clang when there is one (scripts/setup.sh installs it) and CXX does not say
# otherwise: with the precompiled header of <torch/torch.h> a unit compiles in about a third
# of gcc's time here, because gcc instantiates the header's templates again in every unit
# (12 s for an empty one) where clang's header holds them (docs/development.md). gcc builds
# it too: CXX=g++ scripts/build.sh (in a new build directory).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
if [ -z "${CXX:-}" ] && command -v clang++ >/dev/null 2>&1; then
  export CC=clang CXX=clang++
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j "$jobs"

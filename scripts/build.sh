#!/usr/bin/env bash
# Configures and builds wgan (Release) into build/. Extra arguments go to CMake's configure.
# The compiler is clang when there is one (scripts/setup.sh installs it) and CXX does not say
# otherwise: with the precompiled header of <torch/torch.h> a unit compiles in about a third
# of gcc's time here, because gcc instantiates the header's templates again in every unit
# (12 s for an empty one) where clang's header holds them (docs/development.md). gcc builds
# it too: CXX=g++ scripts/build.sh (in a new build directory).
#
# WGAN_TORCH=pip builds against LibTorch 2.x from the PyPI wheel that scripts/setup-torch2.sh
# installs into .venv-torch2/, in build-torch2/ (docs/development.md, "LibTorch 2.x");
# WGAN_TORCH_PYTHON names another python3 whose torch to build against (a GPU machine's, as
# bench/gpu.sh does), WGAN_BUILD_DIR another build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
dir=build
torch_args=()
if [ "${WGAN_TORCH:-debian}" = pip ]; then
  dir=build-torch2
  python=${WGAN_TORCH_PYTHON:-.venv-torch2/bin/python}
  # The wheel's CMake files, and the wheel's root first for their find_library calls (libc10),
  # which would otherwise find Debian's LibTorch 1.13 in /usr/lib.
  prefix=$("$python" -c 'import os, torch.utils as u; print(u.cmake_prefix_path + ";" + os.path.dirname(u.__file__)[:-6])' 2>/dev/null) || {
    echo "build: WGAN_TORCH=pip needs $python with torch; run: bash scripts/setup-torch2.sh" >&2
    exit 2
  }
  torch_args=(-DCMAKE_PREFIX_PATH="$prefix")
elif [ "${WGAN_TORCH:-debian}" != debian ]; then
  echo "build: WGAN_TORCH='$WGAN_TORCH'; expected debian (the default) or pip" >&2
  exit 2
fi
dir=${WGAN_BUILD_DIR:-$dir}
if [ -z "${CXX:-}" ] && command -v clang++ >/dev/null 2>&1; then
  export CC=clang CXX=clang++
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${torch_args[@]}" "$@" >/dev/null
cmake --build "$dir" -j "$jobs"

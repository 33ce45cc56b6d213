#!/usr/bin/env bash
# The test suite against the second supported LibTorch, 2.x from the PyPI `torch` wheel
# (docs/development.md, "LibTorch 2.x"): installs the wheel into .venv-torch2/ when it is not
# there, builds build-torch2/ against it, and runs the whole suite there. Extra arguments go to
# ctest. scripts/test.sh (CI) calls it after the suite against Debian's LibTorch.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-torch2.sh
# Every test file, even in a build directory an earlier configure gave a subset.
WGAN_TORCH=pip bash scripts/build.sh -DWGAN_TEST_SOURCES=
(cd build-torch2 && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@")

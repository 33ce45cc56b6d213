#!/usr/bin/env bash
# The test suite against the second supported LibTorch, 2.x from the PyPI `torch` wheel
# (docs/development.md, "LibTorch 2.x"): installs the wheel into .venv-torch2/ when it is not
# there, builds build-torch2/ against it, and runs the suite there (less the few long
# command-line runs of scripts/torch2-skipped-tests.txt). Extra arguments go to ctest.
# scripts/test.sh (CI) calls it after the suite against Debian's LibTorch.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-torch2.sh
# Every test file but those scripts/torch2-skipped-tests.txt lists (with its reasons), unless
# WGAN_TORCH2_ALL_TESTS=1.
sources=""
if [ "${WGAN_TORCH2_ALL_TESTS:-0}" != 1 ]; then
  skipped=$(sed -E 's/#.*//; s/[[:space:]]+$//' scripts/torch2-skipped-tests.txt | grep -v '^$')
  sources=$(find tests -name '*.cpp' | sort | grep -vxF "$skipped" | paste -sd";")
fi
WGAN_TORCH=pip bash scripts/build.sh -DWGAN_TEST_SOURCES="$sources"
(cd build-torch2 && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@")

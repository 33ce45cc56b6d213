#!/usr/bin/env bash
# The README's test command: installs what is missing (Debian's packages, and TensorBoard from
# PyPI for the tests that read event files with it), builds, and runs the whole test suite;
# then the parsers', checkpoints', run directories' and command line's tests and the fuzz
# corpora again under AddressSanitizer + UndefinedBehaviorSanitizer (docs/reliability.md);
# then the suite again against the second supported LibTorch, 2.x from the PyPI wheel
# (scripts/test-torch2.sh, docs/development.md; WGAN_SKIP_TORCH2=1 leaves it out).
set -euo pipefail
cd "$(dirname "$0")/.."
phase() { echo "test.sh: $1 at $((SECONDS / 60)) min $((SECONDS % 60)) s"; }
bash scripts/setup.sh
bash scripts/test-python.sh
phase "set-up done"
bash scripts/build.sh
phase "build done"
(cd build && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)")
phase "suite done"
bash scripts/test-sanitizers.sh --ci
phase "sanitizer subset done"
if [ "${WGAN_SKIP_TORCH2:-0}" != 1 ]; then
  bash scripts/test-torch2.sh
  phase "LibTorch 2.x suite done"
fi

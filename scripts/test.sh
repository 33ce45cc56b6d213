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
# The 5 GB wheel downloads while the first LibTorch builds: the one waits on the network, the
# other on the cores.
torch2_log=$(mktemp)
if [ "${WGAN_SKIP_TORCH2:-0}" != 1 ]; then
  bash scripts/setup-torch2.sh >"$torch2_log" 2>&1 &
  torch2_setup=$!
fi
bash scripts/test-python.sh
phase "set-up done"
bash scripts/build.sh
phase "build done"
(cd build && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)")
phase "suite done"
bash scripts/test-sanitizers.sh --ci
phase "sanitizer subset done"
if [ "${WGAN_SKIP_TORCH2:-0}" != 1 ]; then
  status=0
  wait "$torch2_setup" || status=$?
  cat "$torch2_log"
  [ "$status" = 0 ] || { echo "test.sh: scripts/setup-torch2.sh failed (exit $status)" >&2; exit 1; }
  phase "LibTorch 2.x installed"
  bash scripts/test-torch2.sh
  phase "LibTorch 2.x suite done"
fi

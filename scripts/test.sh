#!/usr/bin/env bash
# The README's test command: installs what is missing (Debian's packages, and TensorBoard from
# PyPI for the tests that read event files with it), builds, and runs the whole test suite;
# then the parsers', checkpoints', run directories' and command line's tests and the fuzz
# corpora again under AddressSanitizer + UndefinedBehaviorSanitizer (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-python.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)")
bash scripts/test-sanitizers.sh --ci

#!/usr/bin/env bash
# The Python packages of the tests that PyPI has and Debian does not: TensorBoard's own reader
# (the tensorboard package, its EventAccumulator), in a virtual environment the project owns,
# .venv-test/ (git-ignored), with Debian's python3-* packages visible in it (numpy, crc32c).
# Idempotent: a second run checks and returns. Without PyPI it says so and the tests that need
# the environment are skipped, by name, in the test output.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-test
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import tensorboard' 2>/dev/null; then
  echo "test-python: $venv has tensorboard"
  exit 0
fi
rm -rf "$venv"
/usr/bin/python3 -m venv --system-site-packages "$venv"
if ! "$venv/bin/pip" install --quiet --disable-pip-version-check 'tensorboard>=2.14'; then
  echo "test-python: could not install tensorboard from PyPI; the TensorBoard reader tests will be skipped" >&2
  rm -rf "$venv"
fi

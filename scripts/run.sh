#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and runs the default `wgan train`
# (the demo preset: WGAN-GP on the 25-Gaussian grid). Extra arguments go to `wgan train`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/wgan train "$@"

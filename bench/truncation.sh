#!/usr/bin/env bash
# The truncation trick on a trained image run: for each threshold T, N samples drawn with
# `wgan sample --truncation T` (0: none) and scored with `wgan eval --samples` against the run's
# data through a feature network (the digit classifier for MNIST). One line per threshold:
# what truncation buys in fidelity (classifier score, precision, FID) and costs in variety
# (recall, coverage, class shares).
#
#   bench/truncation.sh RUN FEATURES [N] [THRESHOLDS...]
#   e.g. bench/truncation.sh /tmp/wgan-results/mnist-dcgan /tmp/wgan-results/mnist-classifier.pt 2000 0 2 1.5 1 0.5
#
# Set WGAN=path/to/wgan; WGAN_THREADS (default 2).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RUN FEATURES [N] [THRESHOLDS...]" >&2; exit 2; }
run=$1 features=$2 n=${3:-2000}
shift $(( $# < 3 ? $# : 3 ))
thresholds=("$@")
[ ${#thresholds[@]} -gt 0 ] || thresholds=(0 2 1.5 1 0.5)
wgan=${WGAN:-$(dirname "$0")/../build/wgan}
threads=${WGAN_THREADS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in "${thresholds[@]}"; do
  "$wgan" sample --run "$run" --n "$n" --seed 1 --truncation "$t" --out "$work/samples.pt" --threads "$threads" >/dev/null
  echo "truncation $t: $("$wgan" eval --run "$run" --samples "$work/samples.pt" --features "$features" --threads "$threads" | tail -1)"
done

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
# One table row from the line wgan eval prints (its metrics as JSON after the file's name).
row='
import json, sys
line = sys.stdin.read()
m = json.loads(line[line.index("{"):])
share = [c / sum(m["class_histogram"]) for c in m["class_histogram"]]
print("| %s | %.2f | %.1f-%.1f %% | %.1f | %.3f | %.3f | %.3f | %.3f |" % (sys.argv[1], m["classifier_score"],
      100 * min(share), 100 * max(share), m["fid"], m["precision"], m["recall"], m["density"], m["coverage"]))'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| truncation | classifier score | classes | FID | precision | recall | density | coverage |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for t in "${thresholds[@]}"; do
  "$wgan" sample --run "$run" --n "$n" --seed 1 --truncation "$t" --out "$work/samples.pt" --threads "$threads" >/dev/null
  "$wgan" eval --run "$run" --samples "$work/samples.pt" --features "$features" --threads "$threads" | tail -1 |
    python3 -c "$row" "$t"
done

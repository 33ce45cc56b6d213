#!/usr/bin/env bash
# Seed 003: WGAN-GP (Adam 2e-4, beta1 0.5, lambda 10, three critic steps, uniform noise) with its
# TensorFlow DCGAN networks (dense first layer, 5x5 'same' convolutions, no normalisation in the
# critic), on the 919 Pokemon images standing in for CelebA. A montage every 500 iterations as
# the seed saves them, the sliced Wasserstein distance at the same points, curves and animation.
#
#   bench/results/seed003.sh [ITERS [SIZE [WIDTH]]]
#       ITERS  generator iterations (default 2000; the seed: 60,000)
#       SIZE   image size, 64 (the seed's) or 32 (default 32: a 64x64 iteration costs about 4x more)
#       WIDTH  ngf = ndf (default the seed's 64)
source "$(dirname "$0")/lib.sh"
iters=${1:-2000}; size=${2:-32}; width=${3:-64}
train_or_resume "$results/seed003-gp" --preset seed003-faces-gp --data "$pokemon" --image-size "$size" \
  --ngf "$width" --ndf "$width" --iters "$iters" --seed 1 \
  --eval-every 500 --sample-every 500 --checkpoint-every 500
python3 - "$results" <<'PY'
import json, sys
root = sys.argv[1]
rows = [json.loads(l) for l in open(f"{root}/seed003-gp/metrics.jsonl") if "swd" in l]
print("| iteration | wall time | SWD | SWD by level | Wasserstein estimate |")
print("| --- | --- | --- | --- | --- |")
for r in rows:
    levels = ", ".join(f"{k}: {v:.1f}" for k, v in r["swd_levels"].items())
    print(f"| {r['iter']} | {r['time_s'] / 60:.1f} min | {r['swd']:.1f} | {levels} | {r.get('wasserstein_estimate', float('nan')):.3g} |")
PY

#!/usr/bin/env bash
# Seed 002: WGAN (RMSProp 5e-5, clip 0.01, five critic steps) with an instance-normalised critic on
# MNIST (the notes leave the data open). Scored through the digit classifier (FID, KID, classifier
# score) every twentieth of the run, grids at the same points.
#
#   bench/results/seed002.sh [ITERS [SIZE [NGF NDF]]]
#       ITERS     generator iterations (default 2000; the preset: 4,690 = 5 epochs of 60,000)
#       SIZE      image size, 64 (the seed's) or 32 (default 32: a 64x64 iteration costs about 4x more)
#       NGF NDF   widths (default the seed's 128 and 64)
source "$(dirname "$0")/lib.sh"
iters=${1:-2000}; size=${2:-32}; ngf=${3:-128}; ndf=${4:-64}
every=$(( iters / 20 ))
classifier=$(mnist_classifier)
train_or_resume "$results/seed002-instance-norm" --preset seed002-mnist-wgan-in --data "$mnist" --image-size "$size" \
  --ngf "$ngf" --ndf "$ndf" --iters "$iters" --seed 1 --features "$classifier" --eval-samples 2500 \
  --eval-every "$every" --sample-every "$every" --checkpoint-every "$every"
python3 - "$results" <<'PY'
import json, sys
root = sys.argv[1]
rows = [json.loads(l) for l in open(f"{root}/seed002-instance-norm/metrics.jsonl") if "classifier_score" in l]
print("| iteration | wall time | FID | KID | classifier score | classes (min-max share) |")
print("| --- | --- | --- | --- | --- | --- |")
for r in rows[::4] + ([rows[-1]] if (len(rows) - 1) % 4 else []):
    h = r["class_histogram"]; n = sum(h)
    print(f"| {r['iter']} | {r['time_s'] / 60:.1f} min | {r['fid']:.1f} | {r['kid']:.4f} | "
          f"{r['classifier_score']:.2f} | {min(h) / n:.1%}-{max(h) / n:.1%} |")
PY

#!/usr/bin/env bash
# MNIST quality at equal wall time: the real 10,000 test digits, seed 004's networks with the
# WGAN-GP paper's optimiser (Adam 1e-4, betas 0.5 and 0.9; the seed's own saturates, see
# docs/results.md), one run per constraint (gp, lp, sn), each given the same minutes of
# training on the same threads, one after another. Every run keeps the generator average
# (--g-ema) and is scored for both generators (--generator both): the average does not change
# training, so one run gives the row with EMA off (the raw generator) and the row with EMA on.
# Scores come from the digit classifier (FID, KID, classifier score, class shares, precision,
# recall, density, coverage), trained once (wgan classifier train) and reused; the table row of
# a run is its last evaluation within the budget, and its sample grids (raw and averaged, 6x6,
# the same noise for every run) are drawn from the checkpoint saved at that evaluation.
#
#   bench/mnist_quality.sh [MINUTES] [EXTRA WGAN TRAIN FLAGS...]
#   e.g. bench/mnist_quality.sh 10
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/mnist-*; the digits under
# ${WGAN_MNIST_DIR:-../shared/data/mnist}; set WGAN=path/to/wgan, WGAN_THREADS (default 2) and
# WGAN_EVAL_EVERY (iterations between evaluations and checkpoints, default 100). A run that has
# used its minutes is kept and skipped, so the script resumes where it stopped.
set -euo pipefail
minutes=${1:-10}; shift || true
here=$(dirname "$0")
wgan=${WGAN:-$here/../build/wgan}
data=${WGAN_MNIST_DIR:-$here/../../shared/data/mnist}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}
threads=${WGAN_THREADS:-2}
every=${WGAN_EVAL_EVERY:-100}
mkdir -p "$root"
classifier="$root/mnist-classifier.pt"
[ -f "$classifier" ] || "$wgan" classifier train --data "$data" --out "$classifier" --threads "$threads" >/dev/null
budget=$((minutes * 60))
for constraint in gp lp sn; do
  dir="$root/mnist-$constraint-${minutes}min"
  [ -f "$dir/budget-used" ] && continue
  rm -rf "$dir"
  # No iteration limit that matters: the budget ends the run (SIGTERM: a checkpoint, no loss);
  # the evaluations written before it are the ones the table reads.
  timeout "$((budget + 5))" "$wgan" train --preset seed004-mnist-gp --data "$data" --constraint "$constraint" \
    --lr 1e-4 --beta1 0.5 --beta2 0.9 --iters 1000000 --seed 1 --threads "$threads" --no-share-cores --quiet \
    --features "$classifier" \
    --g-ema --generator both --eval-every "$every" --checkpoint-every "$every" --keep-checkpoints 100000 \
    --sample-every 0 --out "$dir" "$@" >/dev/null || true
  touch "$dir/budget-used"
done
echo "| constraint | EMA | iterations | FID | KID | classifier score | classes | precision | recall | density | coverage |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for constraint in gp lp sn; do
  dir="$root/mnist-$constraint-${minutes}min"
  iter=$(python3 - "$dir" "$constraint" "$budget" <<'PY'
import json, sys
d, constraint, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = [r for r in map(json.loads, open(d + "/metrics.jsonl")) if "fid" in r and r["time_s"] <= budget]
r = rows[-1]  # the last evaluation within the budget
for ema, prefix in (("off", "raw_"), ("on", "")):
    m = {k[len(prefix):]: v for k, v in r.items() if k.startswith(prefix)}
    share = [c / sum(m["class_histogram"]) for c in m["class_histogram"]]
    print(f"| {constraint} | {ema} | {r['iter']} ({r['time_s']:.0f} s) | {m['fid']:.1f} | {m['kid']:.2f} | "
          f"{m['classifier_score']:.2f} | {min(share):.1%}-{max(share):.1%} | {m['precision']:.3f} | "
          f"{m['recall']:.3f} | {m['density']:.3f} | {m['coverage']:.3f} |", file=sys.stderr)
print(r["iter"])
PY
  )
  checkpoint="$dir/checkpoints/ckpt-$(printf %08d "$iter").pt"
  for generator in raw ema; do
    "$wgan" sample --checkpoint "$checkpoint" --generator "$generator" --n 36 --per-row 6 --seed 1 \
      --out "$dir/grid-$generator.png" --threads "$threads" >/dev/null
  done
done 2>&1

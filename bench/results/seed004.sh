#!/usr/bin/env bash
# Seed 004: WGAN-GP on MNIST with its small convolutional networks, with the WGAN-GP paper's
# optimiser (Adam 1e-4, betas 0.5 and 0.9) and with the seed's own (Adam 5e-4, betas 0.9 and
# 0.999), the same iterations and seed. Scored every 250 iterations through the digit
# classifier (FID, KID, classifier score); the report pages draw the seed's curves smoothed as
# it does (EMA, beta 0.99), and a comparison page puts the two runs side by side.
#
#   bench/results/seed004.sh [ITERS]      (default 3000; the seed trains 18,760 = 100 epochs of 60,000)
#
# WGAN_TOGETHER=1 trains the two runs at the same time (each on WGAN_THREADS threads, so set
# WGAN_THREADS=1 on two cores): more iterations an hour in all, but each run's wall time then
# includes the other's load. A stopped run continues from its newest checkpoint (every 250).
# WGAN_REPORT_ONLY=1 trains nothing: it draws the reports and the table of the runs as they
# stand, a run stopped before ITERS included (the preset has no schedule, so a run stopped at
# N iterations is the first N of a longer one).
source "$(dirname "$0")/lib.sh"
iters=${1:-3000}
classifier=$(mnist_classifier)
common=(--preset seed004-mnist-gp --data "$mnist" --iters "$iters" --seed 1 --features "$classifier"
        --eval-every 250 --eval-samples 2500 --sample-every 250 --checkpoint-every 250)
if [ "${WGAN_REPORT_ONLY:-0}" = 1 ]; then
  :
elif [ "${WGAN_TOGETHER:-0}" = 1 ]; then
  train_or_resume "$results/seed004-paper-optimiser" "${common[@]}" --lr 1e-4 --beta1 0.5 --beta2 0.9 & paper=$!
  train_or_resume "$results/seed004-seed-optimiser" "${common[@]}" & own=$!
  wait "$paper"; wait "$own"
else
  train_or_resume "$results/seed004-paper-optimiser" "${common[@]}" --lr 1e-4 --beta1 0.5 --beta2 0.9
  train_or_resume "$results/seed004-seed-optimiser" "${common[@]}"
fi
for run in seed004-paper-optimiser seed004-seed-optimiser; do
  "$wgan" report "$results/$run" --smoothing ema --ema-beta 0.99 >/dev/null
done
"$wgan" report "$results/seed004-paper-optimiser" "$results/seed004-seed-optimiser" \
  --out "$results/seed004-comparison" --smoothing ema --ema-beta 0.99 >/dev/null
# The table: each run's evaluations every 1,000 iterations and its last.
python3 - "$results" <<'PY'
import json, sys
root = sys.argv[1]
print("| optimiser | iteration | wall time | FID | KID | classifier score | classes (min-max share) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for run, name in (("seed004-paper-optimiser", "WGAN-GP paper: Adam 1e-4, 0.5, 0.9"),
                  ("seed004-seed-optimiser", "seed 004: Adam 5e-4, 0.9, 0.999")):
    rows = [json.loads(l) for l in open(f"{root}/{run}/metrics.jsonl") if "classifier_score" in l]
    for r in [r for r in rows if r["iter"] % 1000 == 0 and r is not rows[-1]] + rows[-1:]:
        h = r["class_histogram"]; n = sum(h)
        print(f"| {name} | {r['iter']} | {r['time_s'] / 60:.1f} min | {r['fid']:.1f} | {r['kid']:.2f} | "
              f"{r['classifier_score']:.2f} | {min(h) / n:.1%}-{max(h) / n:.1%} |")
        name = ""
PY

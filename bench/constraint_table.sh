#!/usr/bin/env bash
# The constraint x generator-averaging table of docs/training.md: the demo preset's settings
# with each Lipschitz constraint for three seeds at equal iterations, scored at the end (modes,
# high-quality %, W1, precision, recall) for the averaged generator (EMA on) and the raw one
# (EMA off: the average does not change training, so one run gives both rows). Quality, not
# timing: the runs go two at a time on one thread each.
#
#   bench/constraint_table.sh [DATASET] [EXTRA WGAN TRAIN FLAGS...]
#   e.g. bench/constraint_table.sh gaussians25
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/constraints-DATASET (finished ones are kept and
# skipped, so the script resumes); set WGAN=path/to/wgan.
set -euo pipefail
dataset=${1:-gaussians25}; shift || true
wgan=${WGAN:-$(dirname "$0")/../build/wgan}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}/constraints-$dataset
mkdir -p "$root"
jobs=()
for constraint in clip gp lp sn r1; do
  for seed in 1 2 3; do
    dir="$root/$constraint-seed$seed"
    [ -f "$dir/checkpoints/final.pt" ] && continue
    rm -rf "$dir"
    # The demo averages the generator; --generator both scores the average and the raw one.
    "$wgan" train --preset demo --dataset "$dataset" --constraint "$constraint" --seed "$seed" --threads 1 --quiet \
      --sample-every 0 --generator both --out "$dir" "$@" >/dev/null &
    jobs+=($!)
    if [ ${#jobs[@]} -ge 2 ]; then wait "${jobs[0]}"; jobs=("${jobs[@]:1}"); fi
  done
done
wait
python3 - "$root" <<'PY'
import json, os, statistics, sys
root = sys.argv[1]
print("| constraint | EMA | modes (seeds 1, 2, 3) | high-quality % | W1 | precision | recall |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for constraint in ["clip", "gp", "lp", "sn", "r1"]:
    for ema in ["off", "on"]:
        rows = []
        prefix = "" if ema == "on" else "raw_"  # the raw generator's metrics: EMA off
        for seed in [1, 2, 3]:
            run = f"{root}/{constraint}-seed{seed}"
            path = f"{run}/metrics.jsonl"
            if os.path.exists(f"{run}/checkpoints/final.pt"):  # finished runs only (the script resumes)
                last = [json.loads(l) for l in open(path)][-1]
                rows.append({k[len(prefix):]: v for k, v in last.items() if k.startswith(prefix)})
        if not rows:
            continue
        mean = lambda k: statistics.mean(r[k] for r in rows)
        modes = ", ".join(f"{r['modes_covered']}/{r['modes_total']}" for r in rows)
        hq = ", ".join(f"{r['hq_percent']:.1f}" for r in rows)
        print(f"| {constraint} | {ema} | {modes} | {hq} | {mean('w1'):.3f} | {mean('precision'):.3f} | {mean('recall'):.3f} |")
PY

#!/usr/bin/env bash
# The constraint x generator-averaging table of docs/results-2d.md: the demo preset's settings
# with each Lipschitz constraint, without and with --g-ema, for three seeds at equal iterations,
# scored at the end (modes, high-quality %, W1, precision, recall). Quality, not timing: the
# runs go two at a time on one thread each.
#
#   bench/constraint_table.sh [DATASET] [EXTRA WGAN TRAIN FLAGS...]
#   e.g. bench/constraint_table.sh gaussians25
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/constraints-DATASET; set WGAN=path/to/wgan.
set -euo pipefail
dataset=${1:-gaussians25}; shift || true
wgan=${WGAN:-$(dirname "$0")/../build/wgan}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}/constraints-$dataset
mkdir -p "$root"
jobs=()
for constraint in clip gp lp sn r1; do
  for ema in off on; do
    for seed in 1 2 3; do
      dir="$root/$constraint-ema-$ema-seed$seed"
      [ -f "$dir/checkpoints/final.pt" ] && continue
      rm -rf "$dir"
      flags=(--preset demo --dataset "$dataset" --constraint "$constraint" --seed "$seed" --threads 1 --quiet
             --sample-every 0 --out "$dir" "$@")
      [ "$ema" = on ] && flags+=(--g-ema --generator both)
      "$wgan" train "${flags[@]}" >/dev/null &
      jobs+=($!)
      if [ ${#jobs[@]} -ge 2 ]; then wait "${jobs[0]}"; jobs=("${jobs[@]:1}"); fi
    done
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
        for seed in [1, 2, 3]:
            path = f"{root}/{constraint}-ema-{ema}-seed{seed}/metrics.jsonl"
            if os.path.exists(path):
                rows.append([json.loads(l) for l in open(path)][-1])
        if not rows:
            continue
        mean = lambda k: statistics.mean(r[k] for r in rows)
        modes = ", ".join(f"{r['modes_covered']}/{r['modes_total']}" for r in rows)
        hq = ", ".join(f"{r['hq_percent']:.1f}" for r in rows)
        print(f"| {constraint} | {ema} | {modes} | {hq} | {mean('w1'):.3f} | {mean('precision'):.3f} | {mean('recall'):.3f} |")
PY

#!/usr/bin/env bash
# MNIST quality: the real 10,000 test digits, seed 004's networks, scored through the digit
# classifier (FID, KID, classifier score, class histogram, precision, recall, density,
# coverage), for the gp, lp and sn constraints without and with --g-ema, the same iterations and
# seed. The classifier is trained once (wgan classifier train) and reused. One line per run.
#
#   bench/mnist_quality.sh [ITERS] [EXTRA WGAN TRAIN FLAGS...]
#   e.g. bench/mnist_quality.sh 2000 --precision bf16
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/mnist-*; the digits under
# ${WGAN_MNIST_DIR:-../shared/data/mnist}; set WGAN=path/to/wgan.
set -euo pipefail
iters=${1:-2000}; shift || true
here=$(dirname "$0")
wgan=${WGAN:-$here/../build/wgan}
data=${WGAN_MNIST_DIR:-$here/../../shared/data/mnist}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}
mkdir -p "$root"
classifier="$root/mnist-classifier.pt"
[ -f "$classifier" ] || "$wgan" classifier train --data "$data" --out "$classifier" --threads 2 >/dev/null
for constraint in gp lp sn; do
  for ema in off on; do
    dir="$root/mnist-$constraint-ema-$ema"
    if [ ! -f "$dir/checkpoints/final.pt" ]; then
      flags=(--preset seed004-mnist-gp --data "$data" --constraint "$constraint" --iters "$iters" --seed 1
             --threads 2 --quiet --features "$classifier" --eval-every 500 --out "$dir" "$@")
      [ "$ema" = on ] && flags+=(--g-ema --generator both)
      "$wgan" train "${flags[@]}" >/dev/null
    fi
    python3 - "$dir" "$constraint" "$ema" <<'PY'
import json, sys
d, constraint, ema = sys.argv[1:]
r = [json.loads(l) for l in open(d + "/metrics.jsonl")][-1]
share = [c / sum(r["class_histogram"]) for c in r["class_histogram"]]
print(f"{constraint:3s} ema {ema:3s} iters {r['iter']:6d}  FID {r['fid']:7.2f}  KID {r['kid']:.4f}  score {r['classifier_score']:.2f}"
      f"  classes {min(share):.1%}-{max(share):.1%}  P {r['precision']:.3f} R {r['recall']:.3f}"
      f" D {r['density']:.3f} C {r['coverage']:.3f}  time {r['time_s']:6.0f} s")
PY
  done
done

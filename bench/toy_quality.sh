#!/usr/bin/env bash
# Quality benchmark on the 2-D mixtures: trains one configuration for several seeds and prints
# a table of the final mode metrics and wall time, read from each run's metrics.jsonl.
#
#   bench/toy_quality.sh "LABEL" "SEEDS" -- WGAN TRAIN FLAGS...
#   e.g. bench/toy_quality.sh demo "1 2 3" -- --threads 2
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}; set WGAN=path/to/wgan to pick the binary.
set -euo pipefail
label=$1; seeds=$2; shift 3
wgan=${WGAN:-$(dirname "$0")/../build/wgan}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}
mkdir -p "$root"
for seed in $seeds; do
  dir="$root/$label-seed$seed"
  rm -rf "$dir"
  "$wgan" train "$@" --seed "$seed" --quiet --out "$dir" >/dev/null
  python3 - "$dir" "$label" "$seed" <<'PY'
import json, sys
d, label, seed = sys.argv[1:]
last = [json.loads(l) for l in open(d + "/metrics.jsonl")][-1]
modes = f"{last['modes_covered']}/{last['modes_total']}" if "modes_covered" in last else "-"
hq = f"{last['hq_percent']:.1f}" if "hq_percent" in last else "-"
kl = f"{last['reverse_kl']:.4f}" if "reverse_kl" in last else "-"
print(f"{label:24s} seed {seed:>3s}  iters {last['iter']:6d}  modes {modes:>6s}  HQ% {hq:>5s}  revKL {kl:>7s}  time {last['time_s']:7.1f} s")
PY
done

#!/usr/bin/env bash
# What evaluation adds to training time: trains once (by default the demo, `wgan train`) and
# sums the evaluation time each metrics.jsonl record carries (`eval_s`) against the run's wall
# time.
#
#   bench/eval_overhead.sh [WGAN TRAIN FLAGS...]
#   e.g. bench/eval_overhead.sh --dataset swissroll
#
# The run goes to ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/eval-overhead; WGAN=path/to/wgan picks the
# binary. Run nothing else meanwhile: two jobs on two cores slow each other several-fold.
set -euo pipefail
wgan=${WGAN:-$(dirname "$0")/../build/wgan}
dir=${WGAN_BENCH_DIR:-/tmp/wgan-bench}/eval-overhead
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
start=$(date +%s.%N)
"$wgan" train "$@" --quiet --out "$dir" >/dev/null
end=$(date +%s.%N)
/usr/bin/python3 - "$dir" "$start" "$end" <<'PY'
import json, sys
d, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
records = [json.loads(l) for l in open(d + "/metrics.jsonl")]
evals = [r["eval_s"] for r in records if "eval_s" in r]
config = json.load(open(d + "/config.json"))
wall = end - start
spent = sum(evals)
print(f"iterations {records[-1]['iter']}, eval every {config['eval_every']} with {config['eval_samples']} samples")
print(f"evaluations {len(evals)}: {spent:.1f} s in all, {spent / max(len(evals), 1):.2f} s each "
      f"(min {min(evals, default=0):.2f}, max {max(evals, default=0):.2f})")
print(f"wall time {wall:.1f} s; without evaluation {wall - spent:.1f} s; "
      f"evaluation adds {100 * spent / (wall - spent):.1f} %")
PY

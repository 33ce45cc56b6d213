#!/usr/bin/env bash
# The speed table of docs/performance.md: one generator iteration of each case, in the wgan
# trainer (fast paths on and off) and in PyTorch (bench/pytorch_step.py, Debian's python3-torch),
# at equal threads and float32, beside the machine's ceiling measured in the same run.
#
#   bench/speed.sh [CASES...]        default: toy25-gp mnist-gp dcgan64-wgan dcgan64-gp
#   THREADS=2 REPEATS=10 WARMUP=3 bench/speed.sh
#
# Needs a built tree (build/wgan_step_bench). Each measurement is its own process (so its peak
# memory is its own); run nothing else meanwhile: two jobs on two cores slow each other
# several-fold. Raw JSON lines go to ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/speed.jsonl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=${WGAN_STEP_BENCH:-$here/../build/wgan_step_bench}
threads=${THREADS:-2}; repeats=${REPEATS:-10}; warmup=${WARMUP:-3}
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=(toy25-gp mnist-gp dcgan64-wgan dcgan64-gp)
out=${WGAN_BENCH_DIR:-/tmp/wgan-bench}/speed.jsonl
mkdir -p "$(dirname "$out")"
: > "$out"
common=(--threads "$threads" --warmup "$warmup" --repeats "$repeats")
"$bench" --ceiling --threads "$threads" | tee -a "$out"
for c in "${cases[@]}"; do
  "$bench" "$c" "${common[@]}" | tee -a "$out"
  "$bench" "$c" "${common[@]}" --no-fast-paths | tee -a "$out"
  /usr/bin/python3 "$here/pytorch_step.py" "$c" "${common[@]}" | tee -a "$out"
done
/usr/bin/python3 "$here/speed_table.py" "$out"

#!/usr/bin/env bash
# The speed table of docs/performance.md: one generator iteration of each case, in the wgan
# trainer (fast paths on, off, and --precision bf16) and in PyTorch (bench/pytorch_step.py,
# Debian's python3-torch), at equal threads and float32, beside the machine's ceiling measured
# in the same run; then the same iteration taken apart into phases in both.
#
#   bench/speed.sh [CASES...]        default: toy25-gp mnist-gp dcgan64-wgan dcgan64-gp
#   THREADS=2 REPEATS=10 WARMUP=3 ROUNDS=1 PHASES=1 bench/speed.sh
#   DEVICE=cuda PYTHON=python3 bench/speed.sh   # on a GPU: wgan built against a CUDA LibTorch,
#                                               # PYTHON a python3 whose torch has CUDA
#
# ROUNDS > 1 measures every mode that many times, interleaved; the table gives the median time
# of each mode and, as the ratio, the median of the ratios within each round: this machine
# switches between a fast and a slow state about 1.4x apart every few seconds, and a ratio
# within one round mostly sees one state. PHASES=0 skips the phase breakdown.
#
# Needs a built tree (build/wgan_step_bench). Each measurement is its own process (so its peak
# memory is its own); run nothing else meanwhile: two jobs on two cores slow each other
# several-fold. Raw JSON lines go to ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/speed.jsonl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=${WGAN_STEP_BENCH:-$here/../build/wgan_step_bench}
threads=${THREADS:-2}; repeats=${REPEATS:-10}; warmup=${WARMUP:-3}
rounds=${ROUNDS:-1}; phases=${PHASES:-1}
device=${DEVICE:-cpu}; python=${PYTHON:-/usr/bin/python3}
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=(toy25-gp mnist-gp dcgan64-wgan dcgan64-gp)
out=${WGAN_BENCH_DIR:-/tmp/wgan-bench}/speed.jsonl
mkdir -p "$(dirname "$out")"
: > "$out"
common=(--threads "$threads" --warmup "$warmup" --repeats "$repeats" --device "$device")
"$bench" --ceiling --threads "$threads" --device "$device" | tee -a "$out"
for c in "${cases[@]}"; do
  for ((r = 0; r < rounds; r++)); do
    "$bench" "$c" "${common[@]}" | tee -a "$out"
    "$bench" "$c" "${common[@]}" --no-fast-paths | tee -a "$out"
    "$bench" "$c" "${common[@]}" --bf16 | tee -a "$out"
    "$python" "$here/pytorch_step.py" "$c" "${common[@]}" | tee -a "$out"
  done
  if [ "$phases" = 1 ]; then
    "$bench" "$c" "${common[@]}" --phases | tee -a "$out"
    "$python" "$here/pytorch_step.py" "$c" "${common[@]}" --phases | tee -a "$out"
  fi
done
"$python" "$here/speed_table.py" "$out"

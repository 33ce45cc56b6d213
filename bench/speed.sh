#!/usr/bin/env bash
# The speed table of docs/performance.md: one generator iteration of each case, in the wgan
# trainer (fast paths on, off, and --precision bf16) and in PyTorch (bench/pytorch_step.py),
# at equal threads and float32, beside the machine's ceiling measured in the same run; then the
# same iteration taken apart into phases in both.
#
#   bench/speed.sh [CASES...]        default: toy25-gp mnist-gp dcgan64-wgan dcgan64-gp
#   THREADS=2 REPEATS=10 WARMUP=3 ROUNDS=1 PHASES=1 bench/speed.sh
#   MODES="wgan pytorch wgan2 pytorch2 pytorch2-compile" bench/speed.sh
#   DEVICE=cuda PYTHON=python3 bench/speed.sh   # on a GPU: wgan built against a CUDA LibTorch,
#                                               # PYTHON a python3 whose torch has CUDA
#
# The modes (MODES, default all of them that are there):
#   wgan, wgan-plain, wgan-bf16   build/wgan_step_bench (Debian's LibTorch 1.13): fast paths on,
#                                 off (--no-fast-paths), and --bf16
#   pytorch                       bench/pytorch_step.py with $PYTHON (Debian's python3-torch 1.13)
#   wgan2, wgan2-plain, wgan2-bf16  build-torch2/wgan_step_bench (LibTorch 2.x from the PyPI wheel,
#                                 WGAN_TORCH=pip scripts/build.sh)
#   pytorch2, pytorch2-compile    bench/pytorch_step.py with .venv-torch2's PyTorch 2.x, eager and
#                                 torch.compile (scripts/setup-torch2.sh)
#
# ROUNDS > 1 measures every mode that many times, interleaved; the table gives the median time
# of each mode and, as the ratio, the median of the ratios within each round: this machine
# switches between a fast and a slow state about 1.4x apart every few seconds, and a ratio
# within one round mostly sees one state. PHASES=0 skips the phase breakdown.
#
# Each measurement is its own process (so its peak memory is its own); run nothing else
# meanwhile: two jobs on two cores slow each other several-fold. Raw JSON lines go to
# ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/speed.jsonl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
bench=${WGAN_STEP_BENCH:-$root/build/wgan_step_bench}
bench2=${WGAN_STEP_BENCH2:-$root/build-torch2/wgan_step_bench}
python2=${PYTHON2:-$root/.venv-torch2/bin/python}
threads=${THREADS:-2}; repeats=${REPEATS:-10}; warmup=${WARMUP:-3}
rounds=${ROUNDS:-1}; phases=${PHASES:-1}
device=${DEVICE:-cpu}; python=${PYTHON:-/usr/bin/python3}
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=(toy25-gp mnist-gp dcgan64-wgan dcgan64-gp)
if [ -n "${MODES:-}" ]; then
  read -r -a modes <<< "$MODES"
else
  modes=(wgan wgan-plain wgan-bf16 pytorch)
  [ -x "$bench2" ] && modes+=(wgan2 wgan2-plain wgan2-bf16)
  [ -x "$python2" ] && modes+=(pytorch2 pytorch2-compile)
fi
out=${WGAN_BENCH_DIR:-/tmp/wgan-bench}/speed.jsonl
mkdir -p "$(dirname "$out")"
: > "$out"
common=(--threads "$threads" --warmup "$warmup" --repeats "$repeats" --device "$device")

# One measurement of mode $1 on case $2 (extra arguments: --phases), as one JSON line whose
# "mode" is the mode's name.
measure() {
  local mode=$1 c=$2; shift 2
  local line
  case $mode in
    wgan) line=$("$bench" "$c" "${common[@]}" "$@") ;;
    wgan-plain) line=$("$bench" "$c" "${common[@]}" --no-fast-paths) ;;
    wgan-bf16) line=$("$bench" "$c" "${common[@]}" --bf16) ;;
    wgan2) line=$("$bench2" "$c" "${common[@]}" "$@") ;;
    wgan2-plain) line=$("$bench2" "$c" "${common[@]}" --no-fast-paths) ;;
    wgan2-bf16) line=$("$bench2" "$c" "${common[@]}" --bf16) ;;
    pytorch) line=$("$python" "$here/pytorch_step.py" "$c" "${common[@]}" "$@") ;;
    pytorch2) line=$("$python2" "$here/pytorch_step.py" "$c" "${common[@]}" "$@") ;;
    pytorch2-compile) line=$("$python2" "$here/pytorch_step.py" "$c" "${common[@]}" --compile) ;;
    *) echo "speed.sh: unknown mode '$mode'; expected wgan, wgan-plain, wgan-bf16, pytorch, wgan2, wgan2-plain, wgan2-bf16, pytorch2 or pytorch2-compile" >&2; exit 2 ;;
  esac
  # The programs name their own modes (wgan, wgan-phases, pytorch, ...); the 2.x ones get a 2.
  case $mode in
    wgan2*|pytorch2*) line=$(sed -E 's/"mode": ?"(wgan|pytorch)/"mode":"\12/' <<< "$line") ;;
  esac
  echo "$line" | tee -a "$out"
}

"$bench" --ceiling --threads "$threads" --device "$device" | tee -a "$out"
for c in "${cases[@]}"; do
  for ((r = 0; r < rounds; r++)); do
    for m in "${modes[@]}"; do measure "$m" "$c"; done
  done
  if [ "$phases" = 1 ]; then
    measure wgan "$c" --phases
    measure pytorch "$c" --phases
  fi
done
"$python" "$here/speed_table.py" "$out"

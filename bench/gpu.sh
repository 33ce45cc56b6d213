#!/usr/bin/env bash
# The GPU checks in one unattended run, for a CUDA machine lent for a few minutes
# (docs/development.md, "Ready for a GPU"): builds wgan against that machine's LibTorch (the
# torch of its python3), runs the device-readiness and protocol tests, trains with --device cuda
# end to end (train, resume, sample, export, bf16, an image run; 2 ranks when there are two
# GPUs), times the speed table against PyTorch on the GPU, and writes every figure to one file.
#
#   bash bench/gpu.sh [RESULTS]   RESULTS default: $OUT/gpu-results.txt, else /tmp/gpu-results.txt
#   WGAN_GPU_DEVICE=cpu PYTHON=.venv-torch2/bin/python WGAN_GPU_BUILD=build-torch2 \
#     WGAN_GPU_SPEED_CASES=toy25-gp WGAN_GPU_ROUNDS=1 WGAN_GPU_THREADS=2 WGAN_GPU_IMAGE_ITERS=3 \
#     bash bench/gpu.sh   # the same steps on the CPU, shortened (how it is tested without a GPU)
#
# Needs CMake, Ninja, a C++ compiler, a python3 with torch, and the build dependencies of
# scripts/setup.sh (Debian's -dev packages). Each step ends in one line of RESULTS ("name: ok
# (12.3 s)" or "name: FAILED (exit N)"); a failed step is said and the next one runs. The full
# output of every step is in RESULTS.log beside it.
set -uo pipefail
cd "$(dirname "$0")/.."
results=${1:-${OUT:-/tmp}/gpu-results.txt}
log=$results.log
python=${PYTHON:-python3}
device=${WGAN_GPU_DEVICE:-cuda}
build=${WGAN_GPU_BUILD:-build-gpu}
work=$(mktemp -d)
threads=${WGAN_GPU_THREADS:-4}
image_iters=${WGAN_GPU_IMAGE_ITERS:-50}
: > "$results"
: > "$log"
say() { echo "$*" | tee -a "$results"; }
# step NAME COMMAND...: runs it with its output in the log, and says how it ended.
step() {
  local name=$1; shift
  local start=$SECONDS status=0
  echo "=== $name: $*" >> "$log"
  "$@" >> "$log" 2>&1 || status=$?
  if [ "$status" = 0 ]; then say "$name: ok ($((SECONDS - start)) s)"; else say "$name: FAILED (exit $status; see $(basename "$log"))"; fi
  return "$status"
}

say "gpu.sh $(date -u +%FT%TZ) at $(git rev-parse --short HEAD 2>/dev/null || echo '?'), device $device"
gpu_list=$(nvidia-smi -L 2>/dev/null | paste -sd';')
say "gpus: ${gpu_list:-none (nvidia-smi lists none)}"
say "torch: $("$python" -c 'import torch; print(torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1 | tail -1)"
gpus=$("$python" -c 'import torch; print(torch.cuda.device_count())' 2>/dev/null || echo 0)

# 1. The build, against this python's LibTorch.
step build env WGAN_TORCH=pip WGAN_TORCH_PYTHON="$(command -v "$python")" WGAN_BUILD_DIR="$build" \
  bash scripts/build.sh || { say "nothing more can run without the build"; exit 1; }
wgan=$build/wgan

# 2. The tests that hold the step to any device and every rank to one protocol.
step device-tests "$build/wgan_tests" --gtest_brief=1 \
  --gtest_filter='*DeviceReadiness*:IterationProtocol.*:Trainer.*:Checkpoint.*:FastPaths.*:DataParallel.*'
say "  $(grep -E '^\[  (PASSED|FAILED|SKIPPED) ' "$log" | tail -3 | paste -sd' ')"

# 3. End to end on the device.
toy=(--device "$device" --threads "$threads" --quiet --eval-samples 1000 --sample-every 0 --checkpoint-every 100)
step train "$wgan" train "${toy[@]}" --iters 300 --out "$work/toy"
step resume-half "$wgan" train "${toy[@]}" --iters 150 --out "$work/half"
step resume "$wgan" train --resume "$work/half" --iters 300 --quiet
"$python" - "$work/toy" "$work/half" >> "$results" 2>&1 <<'PY'
import json, sys
last = [json.loads(open(d + "/metrics.jsonl").read().splitlines()[-1]) for d in sys.argv[1:]]
keys = ["loss_d", "loss_g", "wasserstein_estimate"]
print("  resume: straight 300 vs 150 + resume + 150, last record:",
      ", ".join(f"{k} {last[0][k]:.6g} vs {last[1][k]:.6g}" for k in keys),
      "(bit for bit)" if all(last[0][k] == last[1][k] for k in keys) else "(differ)")
PY
step sample "$wgan" sample --run "$work/toy" --n 1000 --out "$work/points.csv"
step export "$wgan" export --run "$work/toy" --out "$work/g.pt"
step bf16 "$wgan" train "${toy[@]}" --iters 100 --precision bf16 --out "$work/bf16"
# Images: CIFAR-10's binary format, random pixels (no data travels to the machine).
"$python" - "$work/cifar" <<'PY'
import os, sys, random
os.makedirs(sys.argv[1], exist_ok=True)
rng = random.Random(0)
with open(os.path.join(sys.argv[1], "data_batch_1.bin"), "wb") as f:
    for _ in range(2000):
        f.write(bytes([rng.randrange(10)]) + rng.randbytes(3072))
PY
step images "$wgan" train --dataset cifar10 --data "$work/cifar" --image-size 32 --iters "$image_iters" --batch-size 64 \
  --device "$device" --threads "$threads" --quiet --sample-every 25 --checkpoint-every 25 --out "$work/img"
step images-gp-bf16 "$wgan" train --dataset cifar10 --data "$work/cifar" --image-size 32 --iters "$image_iters" --batch-size 64 \
  --loss wgan-gp --precision bf16 --device "$device" --threads "$threads" --quiet --sample-every 0 --out "$work/img-gp"
tail -qn1 "$work/img/metrics.jsonl" "$work/img-gp/metrics.jsonl" 2>/dev/null | cut -c1-160 | sed 's/^/  /' >> "$results"
if [ "$gpus" -ge 2 ]; then
  step two-ranks "$wgan" train "${toy[@]}" --iters 200 --nproc 2 --batch-size 128 --out "$work/two"
else
  say "two-ranks: not run ($gpus GPU)"
fi

# 4. The speed table against PyTorch on the same device (bench/speed.sh; the ceiling first).
step speed env DEVICE="$device" PYTHON="$python" PYTHON2="$python" WGAN_STEP_BENCH="$build/wgan_step_bench" \
  WGAN_STEP_BENCH2="$build/wgan_step_bench" MODES="wgan2 wgan2-bf16 pytorch2" ROUNDS="${WGAN_GPU_ROUNDS:-3}" PHASES=0 \
  THREADS="$threads" WGAN_BENCH_DIR="$work/bench" bash bench/speed.sh ${WGAN_GPU_SPEED_CASES:-toy25-gp mnist-gp dcgan64-gp}
sed -n '/^| case/,$p' "$log" | tail -20 >> "$results"
say "done in $SECONDS s"

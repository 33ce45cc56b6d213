#!/usr/bin/env bash
# Seed 000's second data set, the 919 Pokemon: WGAN-GP at 32x32 with and without DiffAugment
# (--augment translation,cutout,color), the same iterations and seed, scored by ProGAN's sliced
# Wasserstein distance (no feature network exists for these images). Quality, not timing: the
# two runs train at once, on WGAN_THREADS threads each (default 1). Prints one line per run: the
# SWD at every evaluation (every 250 iterations) and the final one's levels; the sample grids of
# the same iterations are under each run's samples/.
#
#   bench/pokemon_augment.sh [ITERS] [EXTRA WGAN TRAIN FLAGS...]
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/pokemon-*; the data under
# ${WGAN_POKEMON_DIR:-../shared/data/pokemon/images}; set WGAN=path/to/wgan. A stopped run
# continues from its newest checkpoint when the script is started again, and a finished one
# continues to a larger ITERS.
set -euo pipefail
iters=${1:-1000}; shift || true
here=$(dirname "$0")
wgan=${WGAN:-$here/../build/wgan}
data=${WGAN_POKEMON_DIR:-$here/../../shared/data/pokemon/images}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}
threads=${WGAN_THREADS:-1}
augments=(none translation,cutout,color)
for augment in "${augments[@]}"; do
  dir="$root/pokemon-augment-${augment//,/-}"
  # A run that reached ITERS is kept; a stopped or shorter one continues (--resume) to ITERS.
  done_iters=$(tail -1 "$dir/metrics.jsonl" 2>/dev/null | grep -o '"iter":[0-9]*' | cut -d: -f2 || true)
  [ -f "$dir/checkpoints/final.pt" ] && [ "${done_iters:-0}" -ge "$iters" ] && continue
  if [ -d "$dir/checkpoints" ] && [ -n "$(ls "$dir/checkpoints")" ]; then
    "$wgan" train --resume "$dir" --iters "$iters" --quiet >/dev/null &
  else
    rm -rf "$dir"
    "$wgan" train --dataset folder --data "$data" --image-size 32 --channels 3 --loss wgan-gp \
      --arch dcgan --iters "$iters" --augment "$augment" --seed 1 --threads "$threads" --no-share-cores --quiet \
      --eval-every 250 --sample-every 250 --checkpoint-every 250 --out "$dir" "$@" >/dev/null &
  fi
done
wait
for augment in "${augments[@]}"; do
  dir="$root/pokemon-augment-${augment//,/-}"
  python3 - "$dir" "$augment" <<'PY'
import json, sys
d, augment = sys.argv[1:]
rows = [r for r in map(json.loads, open(d + "/metrics.jsonl")) if "swd" in r]
swd = ", ".join(f"{r['iter']}: {r['swd']:.1f}" for r in rows)
levels = ", ".join(f"{k}: {v:.1f}" for k, v in rows[-1]["swd_levels"].items())
print(f"augment {augment:24s} SWD by iteration {swd}  (final levels {levels})  time {rows[-1]['time_s']:7.0f} s")
PY
done

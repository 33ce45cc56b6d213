#!/usr/bin/env bash
# Seed 000's second data set, the 919 Pokemon: WGAN-GP at 32x32 with and without DiffAugment
# (--augment translation,cutout,color), the same iterations and seed, scored by ProGAN's sliced
# Wasserstein distance (no feature network exists for these images). Prints one line per run
# with the final SWD and its levels; the sample grids are under each run's samples/.
#
#   bench/pokemon_augment.sh [ITERS] [EXTRA WGAN TRAIN FLAGS...]
#
# Runs go under ${WGAN_BENCH_DIR:-/tmp/wgan-bench}/pokemon-*; the data under
# ${WGAN_POKEMON_DIR:-../shared/data/pokemon/images}; set WGAN=path/to/wgan.
set -euo pipefail
iters=${1:-5000}; shift || true
here=$(dirname "$0")
wgan=${WGAN:-$here/../build/wgan}
data=${WGAN_POKEMON_DIR:-$here/../../shared/data/pokemon/images}
root=${WGAN_BENCH_DIR:-/tmp/wgan-bench}
for augment in none translation,cutout,color; do
  dir="$root/pokemon-augment-${augment//,/-}"
  if [ ! -f "$dir/checkpoints/final.pt" ]; then
    if [ -d "$dir" ]; then
      "$wgan" train --resume "$dir" --iters "$iters" --quiet >/dev/null
    else
      "$wgan" train --dataset folder --data "$data" --image-size 32 --channels 3 --loss wgan-gp \
        --arch dcgan --iters "$iters" --augment "$augment" --seed 1 --threads 2 --quiet \
        --eval-every 1000 --sample-every 1000 --out "$dir" "$@" >/dev/null
    fi
  fi
  python3 - "$dir" "$augment" <<'PY'
import json, sys
d, augment = sys.argv[1:]
last = [json.loads(l) for l in open(d + "/metrics.jsonl")][-1]
levels = ", ".join(f"{k}: {v:.1f}" for k, v in last["swd_levels"].items())
print(f"augment {augment:24s} iters {last['iter']:6d}  SWD {last['swd']:7.1f}  ({levels})  time {last['time_s']:7.0f} s")
PY
done

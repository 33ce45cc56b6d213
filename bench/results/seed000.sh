#!/usr/bin/env bash
# Seed 000: the WGAN paper's DCGAN WGAN (RMSProp 5e-5, clip 0.01, five critic steps) and its DCGAN
# baseline (the standard GAN with the same networks, optimiser and seed) on the 919 Pokemon images,
# the same iterations each. Sample grids and the sliced Wasserstein distance every twentieth of the
# run; a comparison page puts the two side by side (curves overlaid, last grids next to each other).
#
#   bench/results/seed000.sh [ITERS [SIZE [WIDTH [LOSS...]]]]
#       ITERS  generator iterations of each run (default 2000; the preset: 7,820 = 20 CIFAR-10 epochs)
#       SIZE   image size, 64 or 32 (default 32: a 64x64 WGAN iteration costs about 4x more)
#       WIDTH  ngf = ndf (default 64, the seed's)
#       LOSS   which runs (default both): `seed000.sh 2000 32 64 wgan & seed000.sh 2000 32 64 dcgan`
#              trains them side by side, one thread each (WGAN_THREADS=1); the table comes once both exist.
source "$(dirname "$0")/lib.sh"
iters=${1:-2000}; size=${2:-32}; width=${3:-64}
losses=("${@:4}"); [ ${#losses[@]} -gt 0 ] || losses=(wgan dcgan)
every=$(( iters / 20 ))
for loss in "${losses[@]}"; do
  train_or_resume "$results/seed000-$loss" --preset "seed000-cifar10-$loss" --dataset folder --data "$pokemon" \
    --image-size "$size" --ngf "$width" --ndf "$width" --iters "$iters" \
    --eval-every "$every" --sample-every "$every" --checkpoint-every "$every"
done
[ -f "$results/seed000-wgan/checkpoints/final.pt" ] && [ -f "$results/seed000-dcgan/checkpoints/final.pt" ] || exit 0
"$wgan" report "$results/seed000-wgan" "$results/seed000-dcgan" --out "$results/seed000-comparison" >/dev/null
python3 - "$results" <<'PY'
import json, statistics, sys
root = sys.argv[1]
print("| model | iterations | wall time | SWD at the end | best SWD (iteration) | SWD rise after its best | loss_d spread (last half) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for run in ("seed000-wgan", "seed000-dcgan"):
    rows = [json.loads(l) for l in open(f"{root}/{run}/metrics.jsonl")]
    ev = [r for r in rows if "swd" in r]
    best = min(ev, key=lambda r: r["swd"])
    worst_after = max(r["swd"] for r in ev if r["iter"] >= best["iter"])
    half = [r["loss_d"] for r in rows if "loss_d" in r and r["iter"] > rows[-1]["iter"] / 2]
    print(f"| {run.split('-')[1]} | {ev[-1]['iter']} | {rows[-1]['time_s'] / 60:.1f} min | {ev[-1]['swd']:.1f} | "
          f"{best['swd']:.1f} ({best['iter']}) | {worst_after - best['swd']:+.1f} | {statistics.pstdev(half):.3g} |")
PY

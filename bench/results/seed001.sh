#!/usr/bin/env bash
# Seed 001: Keras WGAN on the 5x5 Gaussian grid. Its working setting (clip 0.1), and the same
# with clipping removed, whose critic's range over the plotted square the seed shows growing
# without bound. Evaluations (modes, high-quality share, W1, the critic's range) every 10 of the
# seed's epochs (100,000 points / batch 512 = 195.3 iterations an epoch), maps every 50.
#
#   bench/results/seed001.sh [EPOCHS [CLIP...]]   (default 100 epochs, the preset's 20,000
#                                                 iterations; the seed: 1,000; clips 0.1 and none)
# Two runs side by side, one thread each: `seed001.sh 100 0.1 & seed001.sh 100 none`; the table
# is printed once both runs exist.
source "$(dirname "$0")/lib.sh"
epochs=${1:-100}
clips=("${@:2}"); [ ${#clips[@]} -gt 0 ] || clips=(0.1 none)
iters=$(( (epochs * 100000 + 511) / 512 ))
every=$(( 10 * 100000 / 512 ))
for clip in "${clips[@]}"; do
  train_or_resume "$results/seed001-clip-$clip" --preset seed001-grid --clip "$clip" --iters "$iters" --seed 1 \
    --eval-every "$every" --sample-every $(( 5 * every )) --checkpoint-every "$every"
done
[ -f "$results/seed001-clip-0.1/metrics.jsonl" ] && [ -f "$results/seed001-clip-none/metrics.jsonl" ] || exit 0
python3 - "$results" <<'PY'
import json, sys
root = sys.argv[1]
runs = {clip: [json.loads(l) for l in open(f"{root}/seed001-clip-{clip}/metrics.jsonl") if "critic_max" in l]
        for clip in ("0.1", "none")}
print("| epoch | clip 0.1: critic min | max | modes | high-quality | W1 | no clip: critic min | max | modes | high-quality | W1 |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
shown = set()
for a, b in zip(runs["0.1"], runs["none"]):
    epoch = f"{a['iter'] * 512 / 100000:.0f}"
    if epoch in shown: continue  # the final evaluation, two iterations after the last periodic one
    shown.add(epoch)
    cells = [epoch]
    for r in (a, b):
        cells += [f"{r['critic_min']:.4g}", f"{r['critic_max']:.4g}", f"{r['modes_covered']}/25",
                  f"{r['hq_percent']:.1f} %", f"{r['w1']:.3f}"]
    print("| " + " | ".join(cells) + " |")
PY

#!/usr/bin/env bash
# The mnist-dcgan preset (the quality issue's MNIST target: a classifier score of 9 in 30 minutes
# on 2 threads): its 8,000 iterations, scored through the digit classifier every 1,000 on 2,000
# samples of the averaged generator; prints one table row per evaluation.
#
#   bench/results/mnist-dcgan.sh                (alone on the machine: its wall time is the measurement)
#   bench/results/mnist-dcgan.sh NAME FLAGS...  (the preset changed by FLAGS, in mnist-dcgan-NAME)
source "$(dirname "$0")/lib.sh"
classifier=$(mnist_classifier)
run=mnist-dcgan${1:+-$1}; shift || true
train_or_resume "$results/$run" --preset mnist-dcgan --data "$mnist" --seed 1 --features "$classifier" \
  --eval-every 1000 --eval-samples 2000 "$@"
python3 - "$results/$run" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(f"{sys.argv[1]}/metrics.jsonl") if "classifier_score" in l]
print("| iteration | wall time | classifier score | FID | precision | recall | classes (min-max share) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for r in rows:
    h = r["class_histogram"]; n = sum(h)
    print(f"| {r['iter']} | {r['time_s']:.0f} s | {r['classifier_score']:.2f} | {r['fid']:.1f} | "
          f"{r['precision']:.2f} | {r['recall']:.2f} | {min(h) / n:.1%}-{max(h) / n:.1%} |")
PY

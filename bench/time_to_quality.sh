#!/usr/bin/env bash
# Time to quality on MNIST, wgan against PyTorch: seed 004's WGAN-GP with the WGAN-GP paper's
# optimiser (the same networks, initialisation, optimiser, batch and threads on both sides;
# bench/pytorch_mnist_quality.py is the PyTorch loop), each scored every EVERY iterations on
# 2,500 samples through wgan's digit classifier (`wgan eval --samples` scores PyTorch's). Prints
# one table: training seconds (evaluations and sampling left out on both sides) and classifier
# score / FID at each point, and the time each first reaches the score TARGET.
# Run it alone on the machine: the two sides are timed one after the other.
#
#   bench/time_to_quality.sh [ITERS [EVERY [TARGET]]]     (default 1500, 250, 9.0)
#   PYTHON=.venv-torch2/bin/python (default: it if present, else /usr/bin/python3); WGAN_THREADS (2)
source "$(dirname "$0")/results/lib.sh"
iters=${1:-1500}; every=${2:-250}; target=${3:-9.0}
python=${PYTHON:-$([ -x "$repo/.venv-torch2/bin/python" ] && echo "$repo/.venv-torch2/bin/python" || echo /usr/bin/python3)}
classifier=$(mnist_classifier)
run="$results/ttq-wgan"
train_or_resume "$run" --preset seed004-mnist-gp --data "$mnist" --iters "$iters" --seed 1 --lr 1e-4 --beta1 0.5 \
  --beta2 0.9 --features "$classifier" --eval-every "$every" --eval-samples 2500 --sample-every 0 \
  --checkpoint-every "$iters"
torch_out="$results/ttq-pytorch"
if [ ! -f "$torch_out/iter-$(printf %06d "$iters").pt" ]; then
  "$python" "$repo/bench/pytorch_mnist_quality.py" "$mnist" "$torch_out" --iters "$iters" --every "$every" \
    --threads "$threads"
fi
for f in "$torch_out"/iter-*.pt; do
  [ -f "$f.score.json" ] || "$wgan" eval --run "$run" --samples "$f" --threads "$threads" | tail -1 > "$f.score.json"
done
"$python" - "$run" "$torch_out" "$target" "$($python -c 'import torch; print(torch.__version__)')" <<'PY'
import glob, json, sys
run, torch_out, target, version = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
wgan, spent = {}, 0.0
for line in open(f"{run}/metrics.jsonl"):
    r = json.loads(line)
    if "classifier_score" in r:  # time_s is taken before this row's evaluation
        wgan[r["iter"]] = (r["time_s"] - spent, r["classifier_score"], r["fid"])
    spent += r.get("eval_s", 0.0)
times = {json.loads(l)["iter"]: json.loads(l)["train_s"] for l in open(f"{torch_out}/times.jsonl")}
torch = {}
for f in glob.glob(f"{torch_out}/iter-*.pt.score.json"):
    it = int(f.split("iter-")[1][:6]); m = json.load(open(f))
    torch[it] = (times[it], m["classifier_score"], m["fid"])
print(f"| iteration | wgan: training s | score | FID | PyTorch {version}: training s | score | FID |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for it in sorted(set(wgan) & set(torch)):
    a, b = wgan[it], torch[it]
    print(f"| {it} | {a[0]:.0f} | {a[1]:.2f} | {a[2]:.1f} | {b[0]:.0f} | {b[1]:.2f} | {b[2]:.1f} |")
for name, rows in (("wgan", wgan), (f"PyTorch {version}", torch)):
    hit = [rows[i] for i in sorted(rows) if rows[i][1] >= target]
    best = max(rows.values(), key=lambda r: r[1])
    print(f"{name}: " + (f"score {target} first at {hit[0][0]:.0f} s" if hit else f"score {target} not reached")
          + f"; best {best[1]:.2f} at {best[0]:.0f} s")
PY

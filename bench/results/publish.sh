#!/usr/bin/env bash
# Copies the pictures docs/results.md and docs/training.md show from the results directory into
# docs/results/, under the names the pages use, and draws the ones made from a run's newest
# generator. A picture whose run has not been made yet is reported and skipped. The pictures
# are committed, so they are stored with a 256-colour palette (Python's PIL: Debian's
# python3-pil; without it they are copied as they are) and the total size is printed: keep it
# to a few hundred KB.
#
#   bench/results/publish.sh         (WGAN_PYTHON: a python3 with PIL, default python3)
#
# The quality tables' pictures come from the bench scripts' directory, WGAN_BENCH_DIR (default
# /tmp/wgan-bench): bench/mnist_quality.sh and bench/pokemon_augment.sh.
source "$(dirname "$0")/lib.sh"
out="$repo/docs/results"
python=${WGAN_PYTHON:-python3}
mkdir -p "$out"
# results-relative source (a pattern: its last match, the newest snapshot)   name under docs/results/
pictures=(
  "seed000-wgan/samples/real-vs-generated.png       seed000-wgan-real-vs-fake.png"
  "seed000-dcgan/samples/iter-*.png                 seed000-dcgan.png"
  "seed000-comparison/plots/swd.png                 seed000-swd.png"
  "seed000-comparison/plots/losses.png              seed000-losses.png"
  "seed001-clip-0.1/maps/iter-*.png                 seed001-clip.png"
  "seed001-clip-none/maps/iter-*.png                seed001-no-clip.png"
  "seed001-clip-none/plots/critic-range.png         seed001-no-clip-critic-range.png"
  "seed001-clip-0.01/maps/iter-*.png                seed001-clip-0.01.png"
  "seed002-instance-norm/samples/iter-*.png         seed002-instance-norm.png"
  "seed002-instance-norm/plots/losses.png           seed002-losses.png"
  "seed003-gp/samples/iter-*.png                    seed003-gp.png"
  "seed003-gp/plots/losses.png                      seed003-losses.png"
  "seed004-comparison/plots/critic.png              seed004-critic.png"
  "seed004-comparison/plots/wasserstein.png         seed004-wasserstein.png"
  "seed004-comparison/plots/penalty.png             seed004-penalty.png"
  "mnist-dcgan/samples/real-vs-generated.png        mnist-dcgan-real-vs-fake.png"
  "mnist-dcgan-bf16-r1/samples/iter-00017000.png    mnist-r1-17000.png"
  "mnist-dcgan-r1-bf16/samples/real-vs-generated.png mnist-dcgan-r1-real-vs-fake.png"
)
# the same, relative to the bench scripts' directory
bench=${WGAN_BENCH_DIR:-/tmp/wgan-bench}
bench_pictures=(
  "mnist-gp-10min/grid-raw.png                      mnist-gp-raw.png"
  "mnist-gp-10min/grid-ema.png                      mnist-gp-ema.png"
  "mnist-lp-10min/grid-raw.png                      mnist-lp-raw.png"
  "mnist-lp-10min/grid-ema.png                      mnist-lp-ema.png"
  "mnist-sn-10min/grid-raw.png                      mnist-sn-raw.png"
  "mnist-sn-10min/grid-ema.png                      mnist-sn-ema.png"
)
# run   name under docs/results/   samples   per row: drawn with wgan sample from the final model
drawn=(
  "seed004-paper-optimiser   seed004-paper-optimiser.png   25 5"
  "seed004-seed-optimiser    seed004-seed-optimiser.png    25 5"
)
bench_drawn=(
  "pokemon-augment-none                       pokemon-no-augment.png   32 8"
  "pokemon-augment-translation-cutout-color   pokemon-augment.png      32 8"
)
written=()
# copy ROOT "PATTERN NAME"...: each pattern's newest match under ROOT to docs/results/NAME.
copy() {
  local root=$1 entry pattern name source; shift
  for entry in "$@"; do
    read -r pattern name <<<"$entry"
    source=$(ls "$root"/$pattern 2>/dev/null | sort | tail -1 || true)
    if [ -n "$source" ]; then
      cp "$source" "$out/$name" && written+=("$out/$name")
    else
      echo "not made yet: $root/$pattern"
    fi
  done
}
copy "$results" "${pictures[@]}"
copy "$bench" "${bench_pictures[@]}"
# draw ROOT "RUN NAME N PER_ROW"...: N samples of RUN's newest generator (final.pt, or the newest
# checkpoint of a run stopped before its end; noise seed 0) as NAME.
draw() {
  local root=$1 entry run name n per_row; shift
  for entry in "$@"; do
    read -r run name n per_row <<<"$entry"
    if ls "$root/$run"/checkpoints/*.pt >/dev/null 2>&1; then
      "$wgan" sample --run "$root/$run" --n "$n" --per-row "$per_row" --out "$out/$name" >/dev/null
      written+=("$out/$name")
    else
      echo "not made yet: $root/$run"
    fi
  done
}
draw "$results" "${drawn[@]}"
draw "$bench" "${bench_drawn[@]}"
if [ ${#written[@]} -eq 0 ]; then
  :
elif "$python" -c "import PIL" 2>/dev/null; then
  "$python" - "${written[@]}" <<'PY'
import sys
from PIL import Image
for path in sys.argv[1:]:
    image = Image.open(path)
    if image.mode != "P":
        image.convert("RGB").quantize(256).save(path, optimize=True)
PY
else
  echo "pictures copied without a palette: $python has no PIL"
fi
du -ch "$out"/*.png 2>/dev/null | tail -1

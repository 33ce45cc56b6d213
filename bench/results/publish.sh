#!/usr/bin/env bash
# Copies the pictures docs/results.md shows from the results directory into docs/results/,
# under the names the page uses. A picture whose run has not been made yet is reported and
# skipped. Prints the total size (the pictures are committed: keep them to a few hundred KB).
#
#   bench/results/publish.sh
source "$(dirname "$0")/lib.sh"
out="$repo/docs/results"
mkdir -p "$out"
# results-relative source (a pattern: its last match, the newest snapshot)   name under docs/results/
pictures=(
  "seed001-clip-0.1/maps/iter-*.png                 seed001-clip.png"
  "seed001-clip-none/maps/iter-*.png                seed001-no-clip.png"
  "seed001-clip-none/plots/critic-range.png         seed001-no-clip-critic-range.png"
  "seed002-instance-norm/samples/iter-*.png         seed002-instance-norm.png"
  "seed002-instance-norm/plots/losses.png           seed002-losses.png"
  "seed004-paper-optimiser/samples/iter-*.png       seed004-paper-optimiser.png"
  "seed004-seed-optimiser/samples/iter-*.png        seed004-seed-optimiser.png"
)
for entry in "${pictures[@]}"; do
  read -r pattern name <<<"$entry"
  source=$(ls "$results"/$pattern 2>/dev/null | sort | tail -1 || true)
  if [ -n "$source" ]; then
    cp "$source" "$out/$name"
  else
    echo "not made yet: $results/$pattern"
  fi
done
du -ch "$out"/*.png 2>/dev/null | tail -1

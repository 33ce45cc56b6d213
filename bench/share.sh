#!/usr/bin/env bash
# Sharing the machine (docs/performance.md): the demo trained alone, and two demos started
# together, with the default (--share-cores: fewer threads while another process is busy) and
# with --no-share-cores (every run keeps all the cores' threads, as before). Wall times in
# seconds and each run's time over the lone run's of the same setting.
#
#   bench/share.sh                 # ITERS=500 ROUNDS=1; extra arguments go to every wgan train
#   ITERS=300 ROUNDS=3 bench/share.sh --seed 2
#
# Needs build/wgan; run nothing else meanwhile.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wgan=${WGAN:-$here/../build/wgan}
iters=${ITERS:-500}; rounds=${ROUNDS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Starts one run in the background; its wall time lands in $work/$1.time.
start() {
  local name=$1; shift
  ( t0=$(date +%s.%N)
    "$wgan" train --iters "$iters" --quiet --out "$work/$name" "$@" > "$work/$name.log" 2>&1
    awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { print a - b }' > "$work/$name.time" ) &
}
seconds() { cat "$work/$1.time"; }

for ((r = 1; r <= rounds; r++)); do
  for setting in share no-share; do
    flag=(); [ "$setting" = no-share ] && flag=(--no-share-cores)
    start "lone-$setting-$r" "${flag[@]}" "$@"; wait
    start "a-$setting-$r" "${flag[@]}" "$@"; start "b-$setting-$r" "${flag[@]}" "$@"; wait
    lone=$(seconds "lone-$setting-$r"); a=$(seconds "a-$setting-$r"); b=$(seconds "b-$setting-$r")
    printf '%s round %d: alone %.1f s; together %.1f s and %.1f s (%.2fx and %.2fx the lone run)\n' \
      "$setting" "$r" "$lone" "$a" "$b" "$(awk -v x="$a" -v y="$lone" 'BEGIN { print x / y }')" \
      "$(awk -v x="$b" -v y="$lone" 'BEGIN { print x / y }')"
    grep -h "^threads:" "$work/a-$setting-$r/log.txt" "$work/b-$setting-$r/log.txt" 2>/dev/null | sort | uniq -c | sed 's/^/    /' || true
  done
done

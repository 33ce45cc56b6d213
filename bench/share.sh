#!/usr/bin/env bash
# Sharing the machine (docs/performance.md): two runs, each trained alone and then both started
# together, with the default (--share-cores: fewer threads while another process is busy) and
# with --no-share-cores (every run keeps all the cores' threads, as before). Wall times in
# seconds, and each run's time together over its time alone.
#
#   bench/share.sh                 # two demos of ITERS=500 iterations, ROUNDS=1
#   OTHER="--preset seed004-mnist-gp --data ../shared/data/mnist --iters 60" bench/share.sh
#
# Extra arguments go to the first run's `wgan train`; OTHER holds the second's (default: the
# same as the first). Needs build/wgan; run nothing else meanwhile.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wgan=${WGAN:-$here/../build/wgan}
iters=${ITERS:-500}; rounds=${ROUNDS:-1}
first=(--iters "$iters" "$@")
if [ -n "${OTHER:-}" ]; then read -r -a second <<< "$OTHER"; else second=("${first[@]}"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Starts one run in the background; its wall time lands in $work/$1.time.
start() {
  local name=$1; shift
  ( t0=$(date +%s.%N)
    "$wgan" train --quiet --out "$work/$name" "$@" > "$work/$name.log" 2>&1 || echo "$name failed: $(tail -1 "$work/$name.log")" >&2
    awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { print a - b }' > "$work/$name.time" ) &
}
seconds() { cat "$work/$1.time"; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }

for ((r = 1; r <= rounds; r++)); do
  for setting in share no-share; do
    flag=(); [ "$setting" = no-share ] && flag=(--no-share-cores)
    start "a-alone-$setting-$r" "${first[@]}" "${flag[@]}"; wait
    start "b-alone-$setting-$r" "${second[@]}" "${flag[@]}"; wait
    start "a-$setting-$r" "${first[@]}" "${flag[@]}"; start "b-$setting-$r" "${second[@]}" "${flag[@]}"; wait
    a1=$(seconds "a-alone-$setting-$r"); b1=$(seconds "b-alone-$setting-$r")
    a2=$(seconds "a-$setting-$r"); b2=$(seconds "b-$setting-$r")
    printf '%s round %d: first run %.1f s alone, %.1f s together (%sx); second run %.1f s alone, %.1f s together (%sx)\n' \
      "$setting" "$r" "$a1" "$a2" "$(ratio "$a2" "$a1")" "$b1" "$b2" "$(ratio "$b2" "$b1")"
    grep -h "^threads:" "$work/a-$setting-$r/log.txt" "$work/b-$setting-$r/log.txt" 2>/dev/null | sort | uniq -c | sed 's/^/    /' || true
  done
done

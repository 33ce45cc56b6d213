#!/usr/bin/env bash
# Milliseconds per generator iteration with 1 process and with 2 data-parallel ranks on this
# machine (docs/distributed.md), the global batch the same: 1 process x batch B x all threads
# against 2 ranks x batch B/2 x half the threads each; and rank 0's time inside all-reduce.
#
#   bench/distributed.sh                 toy (25 Gaussians, WGAN-GP, batch 256) and, when the
#                                        MNIST files are there, seed 004's MNIST WGAN-GP (batch 64)
#   ITERS=100 MNIST_ITERS=30 MNIST=../shared/data/mnist bench/distributed.sh
#
# Run nothing else meanwhile. Needs a built tree (build/wgan).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wgan=${WGAN_BINARY:-$here/../build/wgan}
toy_iters=${ITERS:-100}; mnist_iters=${MNIST_ITERS:-30}
mnist=${MNIST:-$here/../../shared/data/mnist}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
threads=$(nproc)

measure() {  # name, iterations, global batch, then wgan train arguments
  local name=$1 iters=$2 batch=$3; shift 3
  local common=(--iters "$iters" --eval-every 0 --eval-samples 100 --sample-every 0 --checkpoint-every 0 --quiet)
  "$wgan" train "$@" "${common[@]}" --batch-size "$batch" --threads "$threads" --out "$out/$name-1" > "$out/$name-1.txt"
  "$wgan" train "$@" "${common[@]}" --batch-size $((batch / 2)) --nproc 2 --out "$out/$name-2" > "$out/$name-2.txt"
  for ranks in 1 2; do
    local log="$out/$name-$ranks/log.txt"
    local seconds
    seconds=$(sed -n 's/^done: [0-9]* iterations in \([0-9.]*\) s.*/\1/p' "$log")
    local share
    share=$(sed -n 's/^rank 0 spent \([0-9.]*\) s of .*(\([0-9]*\) %).*/\1 s (\2 %)/p' "$log")
    printf '| %s | %d | %d x %d | %.1f | %s |\n' "$name" "$ranks" "$ranks" "$((batch / ranks))" \
      "$(awk -v s="$seconds" -v n="$iters" 'BEGIN { print 1000 * s / n }')" "${share:--}"
  done
}

echo "| case | ranks | ranks x batch | ms per iteration | rank 0 in all-reduce |"
echo "| --- | ---: | --- | ---: | --- |"
measure toy25-gp "$toy_iters" 256 --dataset gaussians25 --loss wgan-gp --g-width 512 --d-width 512
if [ -e "$mnist/t10k-images-idx3-ubyte" ] || [ -e "$mnist/t10k-images-idx3-ubyte.gz" ]; then
  measure mnist-gp "$mnist_iters" 64 --preset seed004-mnist-gp --data "$mnist"
fi

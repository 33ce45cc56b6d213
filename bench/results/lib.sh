# Shared by the seed experiments under bench/results/: where runs go, and a run that continues
# from its checkpoint when the script is started again. Sourced, not run.
#
#   WGAN_RESULTS  the results directory (default /tmp/wgan-results; outside the repository)
#   WGAN          the wgan program (default build/wgan of this checkout)
#   WGAN_THREADS  threads per run (default 2)
set -euo pipefail
results_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$results_here/../.." && pwd)
wgan=${WGAN:-$repo/build/wgan}
results=${WGAN_RESULTS:-/tmp/wgan-results}
threads=${WGAN_THREADS:-2}
mnist=${WGAN_MNIST_DIR:-$repo/../shared/data/mnist}
pokemon=${WGAN_POKEMON_DIR:-$repo/../shared/data/pokemon/images}
mkdir -p "$results"

# train_or_resume DIR FLAGS...: a stopped run continues from its newest checkpoint (--resume), a
# finished one (checkpoints/final.pt) is left as it is unless FLAGS ask for more --iters than it
# trained (then it continues to them), and a missing one starts with FLAGS.
train_or_resume() {
  local dir=$1; shift
  local iters=() args=("$@") i
  for ((i = 0; i + 1 < ${#args[@]}; ++i)); do [ "${args[i]}" = --iters ] && iters=(--iters "${args[i + 1]}"); done
  if [ -f "$dir/checkpoints/final.pt" ]; then
    local trained
    trained=$(grep -o '"iter":[0-9]*' "$dir/metrics.jsonl" 2>/dev/null | tail -1 | cut -d: -f2 || true)
    if [ ${#iters[@]} -eq 0 ] || [ "${trained:-0}" -ge "${iters[1]}" ]; then
      echo "finished: $dir"
      return
    fi
  fi
  if [ -d "$dir/checkpoints" ] && [ -n "$(ls "$dir/checkpoints" 2>/dev/null)" ]; then
    echo "continuing: $dir"
    "$wgan" train --resume "$dir" "${iters[@]}" --threads "$threads" --quiet
  else
    rm -rf "$dir"
    echo "training: $dir"
    "$wgan" train "$@" --threads "$threads" --quiet --out "$dir"
  fi
}

# mnist_classifier: the digit classifier's file under the results directory, trained once
# (wgan classifier train on the MNIST digits) and reused by every MNIST experiment.
mnist_classifier() {
  local file="$results/mnist-classifier.pt"
  [ -f "$file" ] || "$wgan" classifier train --data "$mnist" --out "$file" --threads "$threads" >/dev/null
  echo "$file"
}

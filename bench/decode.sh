#!/usr/bin/env bash
# Image-folder decoding throughput (docs/datasets.md): seed 000's Pokémon images and a folder of
# large JPEGs made from them, decoded and resized to 64 with no cache, two rounds each.
#   bash bench/decode.sh [BUILD_DIR]       (needs BUILD_DIR/wgan_decode_bench; default build)
# To compare with another build (an older decoder), run it with that build's directory too, in
# turn, with nothing else running.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
pokemon=../shared/data/pokemon/images
large=${WGAN_BENCH_DIR:-/tmp}/large-jpegs
if [ ! -d "$large" ]; then
  python3 -c 'import numpy, PIL' 2>/dev/null && py=python3 || py=.venv-test/bin/python
  "$py" bench/make_large_jpegs.py "$pokemon" "$large"
fi
"$build/wgan_decode_bench" "$pokemon" --size 64 --threads 2 --repeats 2
"$build/wgan_decode_bench" "$large" --size 64 --threads 2 --repeats 2

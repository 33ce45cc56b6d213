#!/usr/bin/env bash
# Installs every Debian package wgan needs to build, test and run. Idempotent: packages already
# present are skipped, so a second run costs a few seconds.
#
#   libtorch-dev          LibTorch 1.13 (tensors, autograd, optimisers)
#   libopenblas0-openmp   optimised BLAS: without it Debian's LibTorch uses the reference BLAS,
#                         several times slower
#   libcli11-dev          command-line parsing
#   nlohmann-json3-dev    config.json / metrics.jsonl
#   libstb-dev            PNG writing, and reading back the run's own PNGs
#   zlib1g-dev            gzip-compressed MNIST files
#   libcairo2-dev         charts and 2-D critic maps (PNG and SVG)
#   libgif-dev            training animations (GIF)
#   fonts-dejavu-core     the font Cairo draws text with
#   chromium              the test that opens report.html in a headless browser
#   googletest            unit tests (built from source by CMake)
#   ccache                faster rebuilds
#   python3-torch         tests that load exported TorchScript in Python; the benchmarks
#   python3-scipy         tests that compare the distances with SciPy's
#   libgloo-dev           headers of Gloo, c10d's CPU backend (data-parallel training)
#   clang, libclang-rt-14-dev  the ASan/UBSan build and libFuzzer (scripts/test-sanitizers.sh,
#                         bench/fuzz.sh)
#   iproute2              network namespaces for the two-host data-parallel test
#   libprotobuf-dev, protobuf-compiler  TensorBoard event files (the Event messages)
#   libcurl4-openssl-dev, libssl-dev  wgan data fetch: HTTPS downloads, MD5 sums
#   libvips-dev           image folders: decoding (JPEG by libjpeg-turbo, PNG, WebP, GIF, TIFF, BMP)
#   python3-crc32c, python3-venv, python3-pil  the tests that read event files: the framing
#                         checked independently, the pictures decoded, and TensorBoard's own
#                         reader in a virtual environment (scripts/test-python.sh, from PyPI)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libtorch-dev libopenblas0-openmp
  libcli11-dev nlohmann-json3-dev libstb-dev zlib1g-dev
  libcairo2-dev libgif-dev fonts-dejavu-core chromium
  googletest libgtest-dev
  python3-torch python3-scipy libgloo-dev
  clang libclang-rt-14-dev iproute2
  libprotobuf-dev protobuf-compiler python3-crc32c python3-venv python3-pil
  libcurl4-openssl-dev libssl-dev libvips-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

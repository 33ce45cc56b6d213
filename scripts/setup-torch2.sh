#!/usr/bin/env bash
# The second supported LibTorch: 2.x, from the PyPI `torch` wheel, in a virtual environment the
# project owns, .venv-torch2/ (git-ignored). The wheel carries LibTorch's headers, libraries and
# CMake files (torch.utils.cmake_prefix_path), built with CUDA: its CUDA paths compile here and
# run where there is a GPU; on a machine without one it runs on the CPU. The same environment is
# today's PyTorch for the speed table (bench/speed.sh). numpy is installed beside it for the
# tests' Python readers. Idempotent: a second run checks the version and returns.
#
#   bash scripts/setup-torch2.sh                 # then: WGAN_TORCH=pip bash scripts/build.sh
#   WGAN_TORCH2_VERSION=2.15.0 bash scripts/setup-torch2.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=${WGAN_TORCH2_VERSION:-2.15.0}
venv=.venv-torch2
have=$("$venv/bin/python" -c 'import torch; print(torch.__version__.split("+")[0])' 2>/dev/null || true)
if [ "$have" = "$version" ]; then
  echo "setup-torch2: $venv has torch $version"
  exit 0
fi
bash scripts/setup.sh  # python3-venv, and everything else the build needs
rm -rf "$venv"
/usr/bin/python3 -m venv "$venv"
echo "setup-torch2: installing torch==$version from PyPI into $venv (about 5 GB with its CUDA libraries)"
"$venv/bin/pip" install --quiet --disable-pip-version-check "torch==$version" numpy
"$venv/bin/python" -c 'import torch; print("setup-torch2: torch", torch.__version__, "CUDA", torch.version.cuda)'

#!/usr/bin/env bash
# Builds wgan with clang, AddressSanitizer and UndefinedBehaviorSanitizer (and libFuzzer's
# coverage) into build-sanitize/. Used by scripts/test-sanitizers.sh and bench/fuzz.sh.
# LibTorch itself is not instrumented.
#   scripts/build-sanitize.sh [TARGET...]   default: wgan, wgan_tests, wgan_fuzz, wgan_fuzz_replay
# WGAN_TEST_SOURCES (a ;-list of test files) builds wgan_tests from those alone; empty: all.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(wgan wgan_tests wgan_fuzz wgan_fuzz_replay)
# -O1: ASan's recommended level, and a faster cold build than -O2; -g: stacks with lines.
CC=clang CXX=clang++ cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g -DNDEBUG" \
  -DWGAN_SANITIZE=address,undefined -DWGAN_FUZZ=ON "-DWGAN_TEST_SOURCES=${WGAN_TEST_SOURCES:-}" >/dev/null
cmake --build build-sanitize -j "$jobs" --target "${targets[@]}"

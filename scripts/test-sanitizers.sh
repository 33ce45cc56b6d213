#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (docs/reliability.md).
#   scripts/test-sanitizers.sh         every test
#   scripts/test-sanitizers.sh --ci    what CI runs: the tests of parsers, checkpoints, run
#                                      directories and the command line, and the fuzz corpora
# A sanitizer's report fails the test that caused it (every check aborts). Reports from inside
# LibTorch, which is not instrumented, are suppressed by scripts/sanitizers/*.supp, each line
# with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null

ci=false
[ "${1:-}" = "--ci" ] && ci=true
mapfile -t patterns < <(grep -v "^#" scripts/sanitizers/ci-tests.txt)
if $ci; then
  # Only the test files that define the listed tests' suites are built (with the helpers
  # every test file may use): a third of the suite's sources, minutes of a cold build.
  files=()
  for pattern in "${patterns[@]}"; do
    suite=$(sed -E 's/^\^//; s/\\\..*//' <<<"$pattern")
    mapfile -t -O "${#files[@]}" files < <(grep -rlE "^TEST(_F|_P)?\($suite," tests --include=*.cpp)
  done
  mapfile -t -O "${#files[@]}" files < <(grep -rL "^TEST" tests --include=*.cpp)
  WGAN_TEST_SOURCES=$(printf "%s\n" "${files[@]}" | sort -u | paste -sd";")
  export WGAN_TEST_SOURCES
fi
bash scripts/build-sanitize.sh wgan wgan_tests wgan_fuzz_replay

supp="$PWD/scripts/sanitizers"
# allocator_may_return_null, max_allocation_size_mb: an allocation too large fails as it does
# without ASan (LibTorch says "cannot allocate"), instead of ending the process.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0:allocator_may_return_null=1:max_allocation_size_mb=2048:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="suppressions=$supp/ubsan.supp:print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

# Not the installed package's tests: they build examples against the installed library, which
# here is instrumented and would need the sanitizers' runtimes linked into them too.
filter=(-E "^Install\\.")
if $ci; then
  filter+=(-R "$(printf "%s\n" "${patterns[@]}" | paste -sd"|")")
fi
cd build-sanitize
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "${filter[@]}"

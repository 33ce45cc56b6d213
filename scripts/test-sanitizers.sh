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
bash scripts/build-sanitize.sh

supp="$PWD/scripts/sanitizers"
# allocator_may_return_null, max_allocation_size_mb: an allocation too large fails as it does
# without ASan (LibTorch says "cannot allocate"), instead of ending the process.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0:allocator_may_return_null=1:max_allocation_size_mb=2048:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="suppressions=$supp/ubsan.supp:print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

# Not the installed package's tests: they build examples against the installed library, which
# here is instrumented and would need the sanitizers' runtimes linked into them too.
filter=(-E "^Install\\.")
if [ "${1:-}" = "--ci" ]; then
  filter+=(-R "$(grep -v "^#" scripts/sanitizers/ci-tests.txt | paste -sd"|")")
fi
cd build-sanitize
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "${filter[@]}"

#!/usr/bin/env bash
# Fuzzes the parsers of outside data with libFuzzer under ASan + UBSan (fuzz/fuzz_target.h).
#   bench/fuzz.sh [SECONDS] [TARGET...]     default: 600 s each, every target, two at a time
# The growing corpus and any failing input go to $WGAN_FUZZ_DIR (default build-sanitize/fuzzing):
#   corpus/<target>/   inputs that reached new code (seeded from fuzz/corpus/<target>)
#   crashes/<target>/  inputs that broke the contract; once fixed, copy them to
#                      fuzz/crashes/<target>/ so that every test run replays them
#   <target>.log       libFuzzer's output; the summary below is read from its final stats
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
bash scripts/build-sanitize.sh >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(build-sanitize/wgan_fuzz_replay --list | awk '{print $1}')
fi
work=${WGAN_FUZZ_DIR:-build-sanitize/fuzzing}
supp="$PWD/scripts/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:detect_odr_violation=0:allocator_may_return_null=1:max_allocation_size_mb=2048:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$supp/ubsan.supp:print_stacktrace=1:halt_on_error=1"

fuzz_one() {
  local t=$1
  mkdir -p "$work/corpus/$t" "$work/crashes/$t"
  # -fork=1 -ignore_crashes=1: a finding is saved under crashes/ and fuzzing goes on;
  # -timeout: an input slower than 30 s is a hang.
  WGAN_FUZZ_TARGET=$t build-sanitize/wgan_fuzz "$work/corpus/$t" "fuzz/corpus/$t" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$work/crashes/$t/" > "$work/$t.log" 2>&1 || true
}

mkdir -p "$work"
running=0
for t in "${targets[@]}"; do
  fuzz_one "$t" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait

# libFuzzer's last status line in fork mode: "#EXECS: cov: C ft: F corp: N ... oom/timeout/crash: a/b/c".
printf '%-20s %12s %8s %8s %8s %18s\n' target executions cov features corpus oom/timeout/crash
for t in "${targets[@]}"; do
  line=$(grep -E '^#[0-9]+: cov:' "$work/$t.log" | tail -1)
  field() { echo "$line" | grep -oE "$1 [0-9/]+" | awk '{print $NF}'; }
  execs=$(echo "$line" | grep -oE '^#[0-9]+' | tr -d '#')
  printf '%-20s %12s %8s %8s %8s %18s\n' "$t" "${execs:-?}" "$(field 'cov:')" "$(field 'ft:')" "$(field 'corp:')" \
    "$(field 'oom/timeout/crash:')"
done
echo "failing inputs: $work/crashes/<target>/"

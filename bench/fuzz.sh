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
export ASAN_OPTIONS="detect_leaks=1:detect_odr_violation=0:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$supp/ubsan.supp:print_stacktrace=1:halt_on_error=1"

fuzz_one() {
  local t=$1
  mkdir -p "$work/corpus/$t" "$work/crashes/$t"
  # A target stops at its first finding (saved under crashes/); -timeout: slower than 30 s is a hang.
  WGAN_FUZZ_TARGET=$t build-sanitize/wgan_fuzz "$work/corpus/$t" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
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

printf '%-20s %12s %8s %8s %8s\n' target executions cov features crashes
for t in "${targets[@]}"; do
  log="$work/$t.log"
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  crashes=$(find "$work/crashes/$t" -type f | wc -l)
  printf '%-20s %12s %8s %8s %8s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes"
done

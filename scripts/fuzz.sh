#!/usr/bin/env bash
# Fuzzing sortie with libFuzzer (clang, -fsanitize=fuzzer,address,undefined).
#
#   scripts/fuzz.sh build              configure and build build-fuzz/ (clang, SORTIE_FUZZ=ON)
#   scripts/fuzz.sh short [SECONDS]    each harness for SECONDS (default 30), one after another
#   scripts/fuzz.sh long [MINUTES]     all three harnesses at once for MINUTES each (default 20),
#                                      in the background; logs in build-fuzz/long/
#   scripts/fuzz.sh status             executions, coverage and findings of the long run so far
#   scripts/fuzz.sh coverage           source line coverage of src/ reached by the corpora (llvm-cov)
#   scripts/fuzz.sh repro FILE...      run each file once through the harness its path names
#                                      (…/scenario/…, …/plan/…, …/planner/…), with a stack trace
#
# Harnesses: fuzz_scenario (scenario reader + model), fuzz_plan_check (plan
# reader + checker + writers, fixed scenario fuzz/plan_scenario.json),
# fuzz_plan_make (planner on small scenarios; the plan must pass the checker).
# Corpora grow in build-fuzz/fuzz/corpus/<harness>; findings are written to
# build-fuzz/fuzz/artifacts/<harness>-crash-*, -leak-*, -timeout-*, -oom-*.
# docs/testing.md says what to do with a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bdir=${SORTIE_FUZZ_BUILD:-build-fuzz}
harnesses=(fuzz_scenario fuzz_plan_check fuzz_plan_make)

build() {
  cmake -S . -B "$bdir" -DCMAKE_C_COMPILER=clang -DSORTIE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$bdir" -j"$(nproc)" --target fuzzers
}

stats() { # LOG: last status line and final stats of one libFuzzer log
  local log=$1
  local last
  last=$(grep -aE '^#[0-9]+' "$log" | tail -n 1 || true)
  echo "  last:   ${last:-none}"
  grep -aE 'stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" | sed 's/^/  /' || true
}

case ${1:-} in
  build)
    build
    ;;
  short)
    build
    for h in "${harnesses[@]}"; do
      bash fuzz/run.sh "$bdir/fuzz/$h" "$h" "$root" "$root/$bdir/fuzz" "${2:-30}"
    done
    ;;
  long)
    build
    minutes=${2:-20}
    mkdir -p "$bdir/long"
    for h in "${harnesses[@]}"; do
      nohup bash fuzz/run.sh "$bdir/fuzz/$h" "$h" "$root" "$root/$bdir/fuzz" $((minutes * 60)) \
        >"$bdir/long/$h.log" 2>&1 &
      echo "$h: pid $!, log $bdir/long/$h.log"
    done
    date -u +%FT%TZ >"$bdir/long/started"
    echo "$minutes minutes each; 'scripts/fuzz.sh status' to follow"
    ;;
  status)
    [ -f "$bdir/long/started" ] && echo "long run started $(cat "$bdir/long/started")"
    for h in "${harnesses[@]}"; do
      log=$bdir/long/$h.log
      [ -f "$log" ] || continue
      echo "$h: corpus $(ls "$bdir/fuzz/corpus/$h" 2>/dev/null | wc -l) files"
      stats "$log"
      grep -aE '^(==[0-9]+==ERROR|SUMMARY:|artifact_prefix|fuzz invariant failed)' "$log" | sed 's/^/  finding: /' || true
    done
    ls "$bdir/fuzz/artifacts" 2>/dev/null | sed 's/^/artifact: /' || true
    ;;
  coverage)
    # A separate clang build with source-based coverage; each corpus replayed once.
    cdir=${bdir}-cov
    cmake -S . -B "$cdir" -DCMAKE_C_COMPILER=clang -DSORTIE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_FLAGS="-fprofile-instr-generate -fcoverage-mapping" \
      -DCMAKE_EXE_LINKER_FLAGS="-fprofile-instr-generate" >/dev/null
    cmake --build "$cdir" -j"$(nproc)" --target fuzzers
    rm -f "$cdir"/*.profraw
    objects=()
    for h in "${harnesses[@]}"; do
      c=$bdir/fuzz/corpus/$h
      [ -d "$c" ] || continue
      LLVM_PROFILE_FILE="$root/$cdir/$h-%p.profraw" ASAN_OPTIONS=detect_leaks=0 \
        "$cdir/fuzz/$h" -runs=0 "$c" >/dev/null 2>&1 || true
      objects+=(-object "$cdir/fuzz/$h")
    done
    llvm-profdata merge -sparse "$cdir"/*.profraw -o "$cdir/fuzz.profdata"
    llvm-cov report "${objects[@]:1}" -instr-profile="$cdir/fuzz.profdata" "$root/src" | tail -n 40
    ;;
  repro)
    shift
    [ -x "$bdir/fuzz/fuzz_scenario" ] || build
    for f in "$@"; do
      case $f in
        *plan_check*|*/plan/*) h=fuzz_plan_check ;;
        *plan_make*|*/planner/*) h=fuzz_plan_make ;;
        *) h=fuzz_scenario ;;
      esac
      echo "== $h $f"
      ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$bdir/fuzz/$h" "$f" || true
    done
    ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

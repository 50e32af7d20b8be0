#!/usr/bin/env bash
# run.sh HARNESS NAME SRCDIR WORKDIR SECONDS [extra libFuzzer flags...]
# Runs one libFuzzer harness for SECONDS from its seeds, after replaying the
# committed reproducers. Used by ctest (short run) and scripts/fuzz.sh (long run).
# Findings land in WORKDIR/artifacts/NAME-*; the corpus grows in WORKDIR/corpus/NAME.
# SORTIE_FUZZ_CORPUS_MAX (if set and > 0) keeps only that many of the newest
# corpus inputs: libFuzzer replays the whole corpus before its timed run, and
# a build tree's corpus that has grown over months of short runs would make
# the ctest run pass its timeout (2,146 inputs took over 300 s here, 400 took 220 s).
set -euo pipefail
bin=$1 name=$2 src=$3 work=$4 seconds=$5
shift 5

short=${name#fuzz_}   # scenario, plan_check, plan_make
case $short in
  scenario)   seeds=(fuzz/seeds/scenario examples tests/data/good tests/data/bad tests/data/plans tests/data/regress/scenario) ;;
  plan_check) seeds=(tests/data/plans fuzz/seeds/plan tests/data/regress/plan) ;;
  plan_make)  seeds=(fuzz/seeds/planner fuzz/seeds/scenario tests/data/good tests/data/regress/planner) ;;
  *) echo "run.sh: unknown harness $name" >&2; exit 2 ;;
esac

corpus=$work/corpus/$name
artifacts=$work/artifacts
mkdir -p "$corpus" "$artifacts"
max=${SORTIE_FUZZ_CORPUS_MAX:-0}
if [ "$max" -gt 0 ] && [ "$(ls "$corpus" | wc -l)" -gt "$max" ]; then
  echo "== $name: corpus over $max inputs; the oldest are dropped"
  ls -t "$corpus" | tail -n +$((max + 1)) | (cd "$corpus" && xargs -r rm -f --)
fi
dirs=()
for d in "${seeds[@]}"; do
  [ -d "$src/$d" ] && dirs+=("$src/$d")
done

# Committed reproducers first: each must now run clean.
case $short in
  scenario) regress=$src/tests/data/regress/scenario ;;
  plan_check) regress=$src/tests/data/regress/plan ;;
  plan_make) regress=$src/tests/data/regress/planner ;;
esac
if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
  echo "== $name: replaying $(ls "$regress" | wc -l) reproducers from $regress"
  "$bin" "$regress"/* 2>&1 | tail -n 3
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "== $name: fuzzing for ${seconds}s; corpus $corpus; seeds ${dirs[*]}"
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
  -dict="$src/fuzz/sortie.dict" -artifact_prefix="$artifacts/$name-" -print_final_stats=1 \
  "$@" "$corpus" "${dirs[@]}"

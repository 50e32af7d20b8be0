#!/usr/bin/env bash
# bench/run.sh: the optimiser's benchmark (issue 4). Builds sortie in
# Release, generates S, M and L scenarios with three seeds each
# (`sortie gen`), plans each and the built-in example (examples/) with
# `sortie plan --json`, checks every plan (`sortie check`; a non-zero exit
# if one is invalid) and prints one table: instance, closure, proved lower
# bound, gap, wall-clock seconds and peak memory (from /usr/bin/time -v).
# The S instances are then planned again with --exact at the same time
# limit, the MIP as the peer.
#
# Usage: bench/run.sh [-t SECONDS] [-s "1 2 3"] [-k] [-d] [SCALES...]
#   -t   --time-limit for every run (default 2, the planner's default)
#   -s   seeds (default "1 2 3")
#   -k   keep the generated scenarios and plans (in bench/out/)
#   -d   also plan the M instances with --deep-bound (up to a minute each)
#   SCALES: any of S M L (default all three)
# Benchmarks are not tests: nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=2
seeds="1 2 3"
keep=0
deep=0
while getopts "t:s:kdh" opt; do
  case $opt in
    t) limit=$OPTARG ;;
    s) seeds=$OPTARG ;;
    k) keep=1 ;;
    d) deep=1 ;;
    h) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
scales=${*:-S M L}

build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target sortie >/dev/null
sortie=$build/sortie

out=bench/out
mkdir -p "$out"
[ "$keep" = 1 ] || trap 'rm -rf "$out"' EXIT

# Prints one table row for a plan run: reads the JSON summary and /usr/bin/time -v's report.
row() { # name summary.json time.txt
  awk -v name="$1" '
    FILENAME == ARGV[1] && /"closure_days"/ { gsub(/[^0-9.]/, "", $2); days = $2 }
    FILENAME == ARGV[1] && /"gap"/ && !gap_seen { gsub(/[^0-9.e+-]/, "", $2); gap = $2; gap_seen = 1 }
    FILENAME == ARGV[1] && /"outcome"/ { gsub(/[",]/, "", $2); outcome = $2 }
    FILENAME == ARGV[2] && /Elapsed \(wall clock\)/ {
      n = split($NF, p, ":"); secs = 0
      for (i = 1; i <= n; i++) secs = secs * 60 + p[i]
    }
    FILENAME == ARGV[2] && /Maximum resident set size/ { kb = $NF }
    END {
      if (days == "") { printf "| %-12s | %s |\n", name, "no plan"; exit }
      closure_h = days * 24
      bound_h = closure_h / (1 + gap)
      printf "| %-12s | %9.2f h | %9.2f h | %7.2f%% | %7.2f | %7.1f MiB | %-10s |\n", \
             name, closure_h, bound_h, 100 * gap, secs, kb / 1024, outcome
    }' "$2" "$3"
}

header() {
  printf "| %-12s | %11s | %11s | %8s | %7s | %11s | %-10s |\n" instance closure bound gap seconds "peak memory" outcome
  printf "|%s|%s|%s|%s|%s|%s|%s|\n" "--------------" "-------------" "-------------" "----------" "---------" \
    "-------------" "------------"
}

plan() { # name scenario extra-args...
  local name=$1 scn=$2
  shift 2
  if /usr/bin/time -v -o "$out/$name.time" "$sortie" plan "$scn" --json --time-limit "$limit" "$@" \
    -o "$out/$name.plan.json" >"$out/$name.json" 2>"$out/$name.err"; then
    # Every plan is checked against the scenario: a row only for a valid one.
    if "$sortie" check "$scn" "$out/$name.plan.json" >"$out/$name.check" 2>&1; then
      row "$name" "$out/$name.json" "$out/$name.time"
    else
      printf "| %-12s | %s |\n" "$name" "INVALID PLAN: $(head -1 "$out/$name.check")"
      status=1
    fi
  else
    printf "| %-12s | %s |\n" "$name" "$(sed -n 's/^sortie: //p' "$out/$name.err" | head -1)"
  fi
}

status=0

echo "sortie benchmark, $(date -u +%Y-%m-%dT%H:%MZ), time limit ${limit} s"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo
header
plan "example" examples/csto-kazakhstan-2022.json
for scale in $scales; do
  for seed in $seeds; do
    "$sortie" gen --scale "$scale" --seed "$seed" -o "$out/$scale-$seed.scenario.json"
    plan "$scale-$seed" "$out/$scale-$seed.scenario.json"
  done
done
case " $scales " in
  *" S "*)
    echo
    echo "Exact mode (the MIP, --exact) on the S instances, same time limit:"
    echo
    header
    for seed in $seeds; do
      plan "S-$seed exact" "$out/S-$seed.scenario.json" --exact
    done
    ;;
esac
case " $scales " in
  *" M "*)
    [ "$deep" = 1 ] || exit "$status"
    echo
    echo "The M instances with --deep-bound (each short airfield bounded alone), same time limit:"
    echo
    header
    for seed in $seeds; do
      plan "M-$seed deep" "$out/M-$seed.scenario.json" --deep-bound
    done
    ;;
esac
exit "$status"

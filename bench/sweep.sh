#!/usr/bin/env bash
# bench/sweep.sh: the sweep that docs/benchmarks.md, docs/planner.md and
# docs/bound.md quote when a change to the planner is weighed. Builds
# sortie in Release, generates the ten S and M scenarios S-1, S-2, S-4,
# S-6, S-7, M-1, M-2, M-4, M-5 and M-6 (`sortie gen`; S-3, S-5 and M-3
# are planned at their proved optimum; M-7 was not in the sweep when it was
# first used, so its sums compare), plans each with every planning seed given
# (`sortie plan --seed N`) and a time limit high enough that the search's
# work budget, not the clock, ends it, so the figures are the same on
# every run and machine. Prints each scenario's mean gap over the seeds
# and the sum of those means. Every plan is checked with `sortie check`.
#
# Usage: bench/sweep.sh [-s "1 2 3 4 5"] [-t SECONDS] [-e EFFORT] [-j JOBS]
#   -s   planning seeds (default "1 2 3 4 5"; the docs also quote "6 7 8 9 10")
#   -t   --time-limit of every plan (default 100: the budget ends the search;
#        give more with -e)
#   -e   --effort of every plan (default 1; the docs quote -e 4 -s "1 5 9" -t 1000)
#   -j   plans run at once (default: the number of cores)
# Benchmarks are not tests: nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."

seeds="1 2 3 4 5"
limit=100
effort=1
jobs=$(nproc)
while getopts "s:t:e:j:h" opt; do
  case $opt in
    s) seeds=$OPTARG ;;
    t) limit=$OPTARG ;;
    e) effort=$OPTARG ;;
    j) jobs=$OPTARG ;;
    h) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
scenarios="S-1 S-2 S-4 S-6 S-7 M-1 M-2 M-4 M-5 M-6"

build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target sortie >/dev/null
sortie=$build/sortie

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for s in $scenarios; do
  "$sortie" gen --scale "${s%-*}" --seed "${s#*-}" -o "$out/$s.scenario.json"
done

# One plan: its summary's gap, or a line saying what went wrong.
export sortie out limit effort
plan_one() { # scenario seed
  local s=$1 n=$2
  if ! "$sortie" plan "$out/$s.scenario.json" --seed "$n" --time-limit "$limit" --effort "$effort" --json \
    -o "$out/$s.$n.plan.json" >"$out/$s.$n.json" 2>"$out/$s.$n.err"; then
    echo "$s seed $n: $(head -1 "$out/$s.$n.err")" >&2
    return 1
  fi
  if ! "$sortie" check "$out/$s.scenario.json" "$out/$s.$n.plan.json" >"$out/$s.$n.check" 2>&1; then
    echo "$s seed $n: INVALID PLAN: $(head -1 "$out/$s.$n.check")" >&2
    return 1
  fi
}
export -f plan_one
for s in $scenarios; do
  for n in $seeds; do
    echo "$s $n"
  done
done | xargs -P "$jobs" -n 2 bash -c 'plan_one "$0" "$1"'

echo "sweep, $(date -u +%Y-%m-%dT%H:%MZ), planning seeds $seeds, time limit $limit s, effort $effort"
for s in $scenarios; do
  for n in $seeds; do
    awk -v s="$s" '/"gap"/ && !seen { gsub(/[^0-9.e+-]/, "", $2); print s, $2; seen = 1 }' "$out/$s.$n.json"
  done
done | awk '
  { sum[$1] += 100 * $2; count[$1]++; if (!($1 in order)) { order[$1] = ++n; name[n] = $1 } }
  END {
    line = ""
    for (i = 1; i <= n; i++) {
      mean = sum[name[i]] / count[name[i]]
      total += mean
      line = line sprintf("%s%s %.2f", i > 1 ? " | " : "", name[i], mean)
    }
    print line
    printf "sum %.2f\n", total
  }'

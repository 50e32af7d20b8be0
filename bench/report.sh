#!/usr/bin/env bash
# Measures the HTML report of an M-scale plan: file size and the time headless
# Chromium takes to draw it (three runs). Usage: bench/report.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
sortie=$build/sortie
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$sortie" gen --scale M --seed 1 -o "$work/m.json"
"$sortie" plan "$work/m.json" -q --time-limit 2 -o "$work/m-plan.json" --html "$work/m.html"
legs=$(grep -c '"dep"' "$work/m-plan.json" || true)
bytes=$(stat -c %s "$work/m.html")
printf 'M-scale report: %d legs, %d bytes (%.2f MB)\n' "$legs" "$bytes" "$(echo "$bytes / 1048576" | bc -l)"
for run in 1 2 3; do
  node tests/browser/report.test.mjs "$work/m.html" 2>&1 | grep -o 'drawn in [0-9]* ms, ready [0-9]* ms' | sed "s/^/run $run: /"
done

#!/usr/bin/env bash
# Line and branch coverage of src/ by the test suite: builds build-cov/ with
# gcov instrumentation (-DSORTIE_COVERAGE=ON, -O0), runs ctest there, and
# reports with gcovr: a summary on stdout, a per-file table in
# build-cov/coverage.txt, an HTML page per file in build-cov/coverage/index.html.
#   scripts/coverage.sh            the whole suite
#   scripts/coverage.sh -L unit    only tests with that ctest label (any ctest arguments)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build-cov -DCMAKE_BUILD_TYPE=Debug -DSORTIE_COVERAGE=ON >/dev/null
cmake --build build-cov -j"$jobs"
find build-cov -name '*.gcda' -delete
ctest --test-dir build-cov -j"$jobs" --output-on-failure "$@" || echo "coverage.sh: some tests failed (coverage still reported)" >&2

mkdir -p build-cov/coverage
gcovr --root . --filter 'src/' --object-directory build-cov \
  --exclude-unreachable-branches \
  --txt build-cov/coverage.txt --html-details build-cov/coverage/index.html \
  --print-summary build-cov
echo "per file: build-cov/coverage.txt; pages: build-cov/coverage/index.html"

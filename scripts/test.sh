#!/usr/bin/env bash
# Runs the whole test suite twice: a normal build, then one under
# AddressSanitizer and UndefinedBehaviorSanitizer; then the threaded
# modules' tests under ThreadSanitizer, and short fuzz runs. Warnings are
# errors in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSORTIE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE no-sanitize

# ThreadSanitizer on the tests of the modules that run threads (the
# portfolio of constructions, the two-lane search, the part planned first
# on two lanes): it cannot share a build with AddressSanitizer.
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DSORTIE_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target test_portfolio test_improve test_part
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R '^test_(portfolio|improve|part)$'

# Short fuzz runs (30 s per harness, ctest label `fuzz`): the libFuzzer
# harnesses in fuzz/, built with clang into build-fuzz; see docs/testing.md.
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DSORTIE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzzers
ctest --test-dir build-fuzz --output-on-failure -j"$jobs" -L fuzz

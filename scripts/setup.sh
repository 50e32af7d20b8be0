#!/usr/bin/env bash
# Installs what sortie needs on Debian 12 (as root, through apt-get and npm
# only) and builds it into ./build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config            # compiler and build
  libjansson-dev                              # JSON reader/writer
  libproj-dev                                 # geodesic distances (geodesic.h)
  libglpk-dev                                 # LP bound and exact MIP
  libcmocka-dev                               # unit tests
  clang libclang-rt-14-dev                    # libFuzzer harnesses
  valgrind gcovr                              # leak checks, coverage
  chromium                                    # browser test of the HTML report
  nodejs                                      # builds the report's page (d3, world-atlas)
  time                                        # /usr/bin/time: bench/run.sh's seconds and peak memory
)
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  # Debian's nodejs comes without npm; another Node.js install may bring its own.
  command -v npm >/dev/null || apt-get install -y -qq npm >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

#!/usr/bin/env bash
# The test command: installs the build dependencies, builds from scratch with warnings as
# errors, checks formatting, and runs every test suite.
#   scripts/test.sh                 # the "ci" preset
#   scripts/test.sh asan-ubsan      # the same suites under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"

scripts/install-deps.sh

if [ "$preset" = "ci" ]; then
    scripts/check-format.sh
fi

rm -rf "build/$preset"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
# Qt's offscreen platform: the suites never need a display.
QT_QPA_PLATFORM=offscreen ctest --preset "$preset" -j "$(nproc)"

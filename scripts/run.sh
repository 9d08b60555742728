#!/usr/bin/env bash
# The run command: installs the build dependencies, builds a Release kiwoomd and starts it.
# Without the Kiwoom control (any non-Windows machine) it runs the built-in emulator.
# Extra arguments go to kiwoomd, e.g. scripts/run.sh --interval 10 --seed 7
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target kiwoomd
exec build/release/src/app/kiwoomd "$@"

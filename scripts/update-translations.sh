#!/usr/bin/env bash
# The tray's translations (src/app/translations/*.ts) against the tr() texts of src/app and include/kiwoomd/app.
#   scripts/update-translations.sh          # adds new texts (unfinished, for a translator to fill
#                                           # in, e.g. with Qt Linguist) and drops removed ones
#   scripts/update-translations.sh --check  # changes nothing; fails when a text has no finished
#                                           # translation or a translation's text is gone (ctest
#                                           # runs this as tray_translations_check)
# kiwoomd_ko.ts translates every text; kiwoomd_en.ts holds only the plural forms ("1 day",
# "2 days"), since the source texts are English. LUPDATE names the lupdate to use.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate="${LUPDATE:-lupdate}"
check=false
if [ "${1:-}" = "--check" ]; then
    check=true
fi

# language, then lupdate's extra arguments
languages=("ko" "en -pluralonly")
status=0
for entry in "${languages[@]}"; do
    read -r language extra <<<"$entry"
    ts="src/app/translations/kiwoomd_${language}.ts"
    # Locations left out: line numbers would change the .ts on every edit of a source.
    args=(-silent -locations none -extensions cpp,h -I include -source-language en -target-language "$language")
    if [ -n "$extra" ]; then
        args+=("$extra")
    fi
    if [ "$check" = false ]; then
        "$lupdate" "${args[@]}" -no-obsolete src/app include/kiwoomd/app -ts "$ts"
        continue
    fi
    work="$(mktemp -d)"
    cp "$ts" "$work/kiwoomd_${language}.ts"
    # Without -no-obsolete, a text no longer in the sources stays, marked vanished or obsolete.
    "$lupdate" "${args[@]}" src/app include/kiwoomd/app -ts "$work/kiwoomd_${language}.ts"
    if grep -nE 'type="(unfinished|vanished|obsolete)"' "$work/kiwoomd_${language}.ts" >"$work/problems"; then
        echo "$ts is not up to date with the sources (run scripts/update-translations.sh, then translate):" >&2
        grep -B3 -E 'type="(unfinished|vanished|obsolete)"' "$work/kiwoomd_${language}.ts" | grep -E '<source>|type=' >&2
        status=1
    fi
    rm -rf "$work"
done
exit "$status"

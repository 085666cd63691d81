#!/usr/bin/env bash
# Fails when a string in the sources is missing from po/vi.po, or when vi.po has untranslated or fuzzy entries.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# DANGBO_PO_STAGED=1: only the files staged or committed in git (to commit a catalog matching them).
if [ "${DANGBO_PO_STAGED:-0}" = 1 ]; then
  files=$(git ls-files --cached 'src/*.cpp' 'src/*.h' | sort)
else
  files=$(find src -name '*.cpp' -o -name '*.h' | sort)
fi
xgettext --from-code=UTF-8 --language=C++ --keyword=tr --keyword=N_ --keyword=_ --keyword=wxPLURAL:1,2 \
  --no-wrap -o "$tmp/dangbo.pot" $files
if ls forms/*.xrc >/dev/null 2>&1; then
  python3 scripts/xrc-strings.py forms/*.xrc > "$tmp/xrc.cpp"
  xgettext --from-code=UTF-8 --language=C++ --keyword=_ --no-wrap -j -o "$tmp/dangbo.pot" "$tmp/xrc.cpp"
fi
msgcmp --use-untranslated po/vi.po "$tmp/dangbo.pot"
stats=$(msgfmt --statistics -o /dev/null po/vi.po 2>&1)
echo "vi.po: $stats"
case "$stats" in *untranslated*|*fuzzy*) echo "vi.po is incomplete" >&2; exit 1;; esac
echo "1 passed, 0 failed"

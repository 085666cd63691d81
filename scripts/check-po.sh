#!/usr/bin/env bash
# Fails when a string in the sources is missing from po/vi.po, or when vi.po has untranslated or fuzzy entries.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# DANGBO_PO_STAGED=1: the sources as staged in git, not as in the working tree (to commit a catalog
# that matches exactly what is committed).
srcroot=.
if [ "${DANGBO_PO_STAGED:-0}" = 1 ]; then
  srcroot=$(mktemp -d)
  git checkout-index -a --prefix="$srcroot/"
fi
files=$(cd "$srcroot" && find src -name '*.cpp' -o -name '*.h' | sort)
xgettext --from-code=UTF-8 --language=C++ --keyword=tr --keyword=N_ --keyword=_ --keyword=wxPLURAL:1,2 \
  --no-wrap -D "$srcroot" -o "$tmp/dangbo.pot" $files
if ls "$srcroot"/forms/*.xrc >/dev/null 2>&1; then
  python3 scripts/xrc-strings.py "$srcroot"/forms/*.xrc > "$tmp/xrc.cpp"
  xgettext --from-code=UTF-8 --language=C++ --keyword=_ --no-wrap -j -o "$tmp/dangbo.pot" "$tmp/xrc.cpp"
fi
msgcmp --use-untranslated po/vi.po "$tmp/dangbo.pot"
stats=$(msgfmt --statistics -o /dev/null po/vi.po 2>&1)
echo "vi.po: $stats"
case "$stats" in *untranslated*|*fuzzy*) echo "vi.po is incomplete" >&2; exit 1;; esac
echo "1 passed, 0 failed"

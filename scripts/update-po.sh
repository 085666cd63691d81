#!/usr/bin/env bash
# Extracts the user-facing strings (tr, N_, _ and XRC labels) into po/dangbo.pot and merges them into po/vi.po.
set -euo pipefail
cd "$(dirname "$0")/.."
# DANGBO_PO_STAGED=1: the sources as staged in git, not as in the working tree (to commit a catalog
# that matches exactly what is committed).
srcroot=.
if [ "${DANGBO_PO_STAGED:-0}" = 1 ]; then
  srcroot=$(mktemp -d)
  git checkout-index -a --prefix="$srcroot/"
fi
files=$(cd "$srcroot" && find src -name '*.cpp' -o -name '*.h' | sort)
xgettext --from-code=UTF-8 --language=C++ --keyword=tr --keyword=N_ --keyword=_ --keyword=wxPLURAL:1,2 \
  --no-wrap --sort-by-file --package-name=dangbo -D "$srcroot" -o po/dangbo.pot $files
if ls "$srcroot"/forms/*.xrc >/dev/null 2>&1; then
  tmp=$(mktemp)
  python3 scripts/xrc-strings.py "$srcroot"/forms/*.xrc > "$tmp.cpp"
  xgettext --from-code=UTF-8 --language=C++ --keyword=_ --no-wrap -j -o po/dangbo.pot "$tmp.cpp"
  rm -f "$tmp" "$tmp.cpp"
fi
# Our messages use {1}-style placeholders, never printf formats: drop xgettext's c-format guesses.
sed -i '/^#, c-format$/d; s/^\(#,.*\), c-format/\1/' po/dangbo.pot
if [ -f po/vi.po ]; then
  msgmerge --quiet --no-wrap --no-fuzzy-matching --update --backup=none po/vi.po po/dangbo.pot
else
  msginit --no-translator --no-wrap --locale=vi_VN.UTF-8 -i po/dangbo.pot -o po/vi.po
  sed -i 's/charset=ASCII/charset=UTF-8/' po/vi.po
fi
msgfmt --statistics -o /dev/null po/vi.po

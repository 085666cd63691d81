#!/usr/bin/env bash
# Every report of the demo commune, in every file format, and the exported register, opened by LibreOffice
# (headless, as the office opens them) and converted to PDF in one soffice call: each file must convert,
# and the register's Word and Excel forms must print landscape.
# Usage: libreoffice_open.sh DANGBO_CLI
set -euo pipefail
cli="$1"
command -v soffice >/dev/null || { echo "soffice missing: run scripts/setup.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/demo.db"
"$cli" --db "$db" demo --seed 1 --today 2026-11-29 >/dev/null
mkdir -p "$work/in" "$work/out"
reports=(congress organizations members admissions ratings discipline committee register badges deadlines)
for r in "${reports[@]}"; do
  period=()
  case "$r" in congress|admissions|discipline) period=(--from 2020-08-01 --to 2025-07-31) ;; esac
  for f in docx xlsx; do
    "$cli" --db "$db" report "$r" "${period[@]}" --format "$f" --out "$work/in/$r-$f.$f"
  done
  "$cli" --db "$db" report "$r" "${period[@]}" --format html --out "$work/in/$r-html.html"
  "$cli" --db "$db" report "$r" "${period[@]}" --format csv --out "$work/in/$r-csv.csv"
done
"$cli" --db "$db" export register --out "$work/in/export-register.xlsx" --as-of 2026-11-29 >/dev/null
"$cli" --db "$db" export register --out "$work/in/export-register-csv.csv" --as-of 2026-11-29 >/dev/null

expected=$(ls "$work/in" | wc -l)
# One LibreOffice for all the files; its own profile so it never meets another instance.
HOME="$work" soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work/out" "$work"/in/* >"$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log" >&2
  echo "soffice failed" >&2
  exit 1
}
fail=0
for f in "$work"/in/*; do
  base=$(basename "${f%.*}")
  pdf="$work/out/$base.pdf"
  if [ ! -s "$pdf" ]; then
    echo "FAIL: LibreOffice did not convert $(basename "$f")" >&2
    fail=1
    continue
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  echo "$(basename "$f"): $pages pages, $size"
done
[ "$(ls "$work/out" | wc -l)" -eq "$expected" ] || { echo "FAIL: $expected files, $(ls "$work/out" | wc -l) PDFs" >&2; fail=1; }

# The register in Word and Excel prints landscape (wider than high), at least 20 members a page.
for f in register-docx export-register register-xlsx; do
  pdf="$work/out/$f.pdf"
  [ -s "$pdf" ] || continue
  read -r w h < <(pdfinfo "$pdf" | awk '/^Page size:/ {print $3, $5}')
  if ! awk -v w="$w" -v h="$h" 'BEGIN { exit !(w > h) }'; then
    echo "FAIL: $f is not landscape ($w x $h)" >&2
    fail=1
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  members=$(awk -F, 'NR > 1' "$work/in/export-register-csv.csv" | wc -l)
  if [ "$pages" -gt $(( members / 20 + 2 )) ]; then
    echo "FAIL: $f takes $pages pages for about $members members" >&2
    fail=1
  fi
done
exit $fail

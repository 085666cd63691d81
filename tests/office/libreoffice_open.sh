#!/usr/bin/env bash
# Every report `dangbo-cli report --list` names, in every format it lists, and the exported register: the
# office formats (docx, xlsx, html, csv) opened by LibreOffice (headless, as the office opens them) and
# converted to PDF in one soffice call, each must convert; the PDFs read by poppler, the JSON parsed. The
# register in HTML, Word and Excel must print landscape, 20 members a page or more, no word broken
# (register_pages.py).
# Usage: libreoffice_open.sh DANGBO_CLI
set -euo pipefail
cli="$1"
command -v soffice >/dev/null || { echo "soffice missing: run scripts/setup.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/demo.db"
"$cli" --db "$db" demo --seed 1 --today 2026-11-29 >/dev/null
# The handover reports need a merged register: a small former commune (two cells, 40 members) merged into
# a new one.
merged="$work/merged.db"
python3 "$(dirname "$0")/../gui/make_province.py" "$work/na-ot" 40 2
"$cli" --db "$merged" merge --on 2026-07-01 --decision "1-QĐ/TU" --source "Nà Ớt=$work/na-ot" >/dev/null 2>&1
mkdir -p "$work/in" "$work/out" "$work/other"

# What a report's call needs, taken from the demo: a member, a candidate with the committee's resolution
# (waiting for the ceremony), a cell, a member transferred out, the former commune.
# (Through files: awk leaving early must not cut the pipe under the program.)
"$cli" --db "$db" members --format csv >"$work/members.csv"
"$cli" --db "$db" report deadlines --format csv >"$work/deadlines.csv"
member=$(awk -F, 'NR == 2 {print $1}' "$work/members.csv")
candidate=$(awk -F, '$2 == "ceremony_due" {print $3; exit}' "$work/deadlines.csv")
cell=$(awk -F, '$2 == "ceremony_due" {print $5; exit}' "$work/deadlines.csv")
origin="Nà Ớt"
# The transfer letter: the last member transferred out, the letter entered in the transfer book.
"$cli" --db "$db" report changes --since 2020-01-01 --to 2026-11-29 --format csv >"$work/changes.csv"
transferred=$(awk -F, '$5 == "Đã chuyển đi" {c = $2} END {print c}' "$work/changes.csv")
[ -z "$transferred" ] || "$cli" --db "$db" transfer-letter issue "$transferred" >/dev/null 2>&1
for v in member candidate cell transferred; do
  [ -n "${!v}" ] || { echo "FAIL: the demo has no $v for the reports" >&2; exit 1; }
done

made=0
while IFS=$'\t' read -r call formats; do
  read -ra words <<<"$call"
  name=${words[0]}
  args=()
  register=$db
  for w in "${words[@]:1}"; do
    case "$w" in
      MEMBER) args+=("$member") ;;
      CANDIDATE) args+=("$candidate") ;;
      TRANSFERRED) args+=("$transferred") ;;
      CELL) args+=("$cell") ;;
      ORIGIN) args+=("$origin"); register=$merged ;;
      --*) args+=("$w") ;;
      *) echo "FAIL: report --list names \"$w\", which this test does not know how to fill" >&2; exit 1 ;;
    esac
  done
  case "$name" in congress | admissions | discipline) args+=(--from 2020-08-01 --to 2025-07-31) ;; esac
  tag=$(echo "$call" | tr -c 'a-zA-Z0-9\n-' '_' | sed 's/_\+/_/g; s/_$//')
  for f in $formats; do
    case "$f" in docx | xlsx | html | csv) dir="$work/in" ;; *) dir="$work/other" ;; esac
    out="$dir/$tag-$f.$f"
    "$cli" --db "$register" report "$name" "${args[@]}" --format "$f" --out "$out" 2>"$work/err" || {
      echo "FAIL: report $call --format $f: $(cat "$work/err")" >&2
      exit 1
    }
    made=$((made + 1))
  done
done < <("$cli" report --list)
[ "$made" -ge 100 ] || { echo "FAIL: only $made files from report --list" >&2; exit 1; }
"$cli" --db "$db" export register --out "$work/in/export-register.xlsx" --as-of 2026-11-29 >/dev/null
"$cli" --db "$db" export register --out "$work/in/export-register-csv.csv" --as-of 2026-11-29 >/dev/null
# The badge proposal with 1, 2, 4 and 6 recipients (its template has three): LibreOffice 7.4 once never finished
# laying out its HTML with three, its cells taking the body text's line spacing.
for n in 1 2 4 6; do
  mkdir -p "$work/bp$n/mau-bao-cao"
  cp "$db" "$work/bp$n/demo.db"
  awk -v n="$n" '/^@recipient/ {next} /^@closing/ {for (i = 1; i <= n; i++) print "@recipient - Nơi nhận " i ","} {print}' \
    "$(dirname "$0")/../../reports/badge-proposals.txt" >"$work/bp$n/mau-bao-cao/badge-proposals.txt"
  "$cli" --db "$work/bp$n/demo.db" report badge-proposals --format html --out "$work/in/badge-proposals-$n.html"
  grep -q "Nơi nhận $n," "$work/in/badge-proposals-$n.html" || { echo "FAIL: $n recipients not written" >&2; exit 1; }
done

fail=0
# The PDFs: poppler reads every page; the JSON: parsed.
for f in "$work"/other/*; do
  case "$f" in
    *.pdf) pdftotext "$f" /dev/null 2>"$work/err" && [ ! -s "$work/err" ] || {
      echo "FAIL: $(basename "$f") is not a clean PDF: $(cat "$work/err")" >&2
      fail=1
    } ;;
    *.json) python3 -m json.tool "$f" >/dev/null || { echo "FAIL: $(basename "$f") is not JSON" >&2; fail=1; } ;;
    *) echo "FAIL: $(basename "$f"): a format this test does not check" >&2; fail=1 ;;
  esac
done

expected=$(ls "$work/in" | wc -l)
# One LibreOffice for all the files; its own profile so it never meets another instance.
HOME="$work" soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work/out" "$work"/in/* >"$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log" >&2
  echo "soffice failed" >&2
  exit 1
}
if grep -qi "error" "$work/soffice.log"; then
  grep -i "error" "$work/soffice.log" >&2
  fail=1
fi
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
echo "$made reports made; $expected files converted by LibreOffice, $(ls "$work/other" | wc -l) PDF and JSON files read"

# The register in every office format as LibreOffice prints it: landscape, its members in order, at least 20 a
# page, no word broken inside a syllable (read back with pdftotext); and the PDF dangbo writes itself.
rows() { python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig"))) - 1)' "$1"; }
members=$(rows "$work/in/register-csv.csv")
exported=$(rows "$work/in/export-register-csv.csv")
python3 "$(dirname "$0")/register_pages.py" \
  "$work/in/register-html.html" "$work/out/register-html.pdf" "$members" \
  "$work/in/register-html.html" "$work/other/register-pdf.pdf" "$members" \
  "$work/in/register-docx.docx" "$work/out/register-docx.pdf" "$members" \
  "$work/in/register-xlsx.xlsx" "$work/out/register-xlsx.pdf" "$members" \
  "$work/in/export-register.xlsx" "$work/out/export-register.pdf" "$exported" || fail=1
exit $fail

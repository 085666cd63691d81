#!/usr/bin/env bash
# Every report of `dangbo-cli report --list`, in every format, made from a province-sized register and opened
# once by LibreOffice headless (converted to PDF, one soffice call per file so that each file's time shows);
# prints each file's size, the time to make it and the time LibreOffice took. Slow: not a ctest test.
#   scripts/province_reports.sh [MEMBERS] [CELLS] [WORKDIR]   (default 100000 members, 3000 cells)
# OPEN_LIMIT: the seconds LibreOffice is given for each file (default 900; on a loaded machine give more).
# The register: the demo commune (ratings, meetings, dues, candidates) with a province's members and cells
# imported into it (tests/gui/make_province.py). The files stay in WORKDIR (default a new temporary folder).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
members=${1:-100000}
cells=${2:-3000}
work=${3:-$(mktemp -d)}
open_limit=${OPEN_LIMIT:-900}
mkdir -p "$work/files" "$work/pdf"
# A copy of the program: a rebuild during the long run must not change it under the script.
cp "$here/build/src/cli/dangbo-cli" "$work/dangbo-cli"
cli="$work/dangbo-cli"
db="$work/province.db"
rm -f "$db" "$db-wal" "$db-shm"
seconds() { date +%s.%N; }
t0=$(seconds)
"$cli" --db "$db" demo --seed 1 >/dev/null
python3 "$here/tests/gui/make_province.py" "$work/import" "$members" "$cells"
"$cli" --db "$db" import "$work/import" >/dev/null
printf 'register: %s members asked, made in %.0f s\n' "$members" "$(echo "$(seconds) - $t0" | bc)"
# (Through files: awk leaving early must not cut the pipe under the program.)
"$cli" --db "$db" members --format csv >"$work/members.csv"
"$cli" --db "$db" report deadlines --format csv >"$work/deadlines.csv"
member=$(awk -F, 'NR == 2 {print $1}' "$work/members.csv")
candidate=$(awk -F, '$2 == "ceremony_due" {print $3; exit}' "$work/deadlines.csv")
cell=$(awk -F, '$2 == "ceremony_due" {print $5; exit}' "$work/deadlines.csv")
# The transfer letter: the last member transferred out, the letter entered in the transfer book.
"$cli" --db "$db" report changes --since 2020-01-01 --format csv >"$work/changes.csv"
transferred=$(awk -F, '$5 == "Đã chuyển đi" {c = $2} END {print c}' "$work/changes.csv")
[ -z "$transferred" ] || "$cli" --db "$db" transfer-letter issue "$transferred" >/dev/null 2>&1
printf '%-40s %10s %8s %8s %s\n' file bytes make_s open_s result
while IFS=$'\t' read -r call formats; do
  read -ra words <<<"$call"
  name=${words[0]}
  args=()
  skip=
  for w in "${words[@]:1}"; do
    case "$w" in
      MEMBER) args+=("$member") ;;
      CANDIDATE) args+=("$candidate") ;;
      CELL) args+=("$cell") ;;
      TRANSFERRED) args+=("$transferred") ;;
      ORIGIN) skip=1 ;;  # the province register took in no former commune
      --*) args+=("$w") ;;
      *) echo "report --list names \"$w\", which this script does not know how to fill" >&2; exit 1 ;;
    esac
  done
  [ -z "$skip" ] || continue
  case "$name" in congress | admissions | discipline) args+=(--from 2020-08-01 --to 2025-07-31) ;; esac
  tag=$(echo "$call" | tr -c 'a-zA-Z0-9\n-' '_' | sed 's/_\+/_/g; s/_$//')
  for f in $formats; do
    out="$work/files/$tag.$f"
    rm -f "$out"
    t=$(seconds)
    if ! "$cli" --db "$db" report "$name" "${args[@]}" --format "$f" --out "$out" 2>"$work/err"; then
      printf '%-40s %10s %8s %8s %s\n' "$tag.$f" - - - "FAILED: $(head -c 200 "$work/err")"
      continue
    fi
    make=$(echo "$(seconds) - $t" | bc)
    open=- result=ok
    case "$f" in
      docx | xlsx | html | csv)
        t=$(seconds)
        if timeout -k 30 "$open_limit" soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
          --convert-to pdf --outdir "$work/pdf" "$out" >"$work/soffice.log" 2>&1 &&
          [ -s "$work/pdf/$tag.pdf" ]; then
          result="$(pdfinfo "$work/pdf/$tag.pdf" | awk '/^Pages:/ {print $2}') pages"
        else
          result="LIBREOFFICE FAILED: $(head -c 200 "$work/soffice.log")"
        fi
        open=$(echo "$(seconds) - $t" | bc)
        rm -f "$work/pdf/$tag.pdf"
        ;;
      pdf) result="$(pdfinfo "$out" | awk '/^Pages:/ {print $2}') pages" ;;
      json) python3 -m json.tool "$out" >/dev/null || result="NOT JSON" ;;
    esac
    printf '%-40s %10s %8.1f %8s %s\n' "$tag.$f" "$(stat -c %s "$out")" "$make" "$open" "$result"
  done
done < <("$cli" report --list)
echo "files in $work/files"

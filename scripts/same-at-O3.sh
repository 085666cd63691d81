#!/usr/bin/env bash
# Usage: same-at-O3.sh TESTED_CLI RELEASE_CLI
# Both programs build the same demo register and print its figures, its checks and every report as JSON;
# the outputs must be byte for byte the same (the register files differ only in their timestamps).
set -euo pipefail
tested=$1
release=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for which in tested release; do
  cli=${!which}
  db="$work/$which.db"
  out="$work/$which.txt"
  export DANGBO_TODAY=2026-06-30
  "$cli" --db "$db" demo --seed 7 --today 2026-06-30 >/dev/null
  {
    "$cli" --db "$db" summary --as-of 2026-06-30 --format json
    "$cli" --db "$db" check --as-of 2026-06-30 --format json || true
    "$cli" --db "$db" members --format csv
    for r in congress organizations members admissions ratings discipline committee register badges deadlines; do
      echo "== $r"
      "$cli" --db "$db" report "$r" --from 2020-08-01 --to 2025-07-31 --as-of 2026-06-30 --format json
    done
  } >"$out" 2>&1
done
if ! cmp -s "$work/tested.txt" "$work/release.txt"; then
  echo "same-at-O3: the Release build prints different figures from the tested build:" >&2
  diff "$work/tested.txt" "$work/release.txt" | head -40 >&2
  exit 1
fi
echo "same-at-O3: $(wc -l <"$work/tested.txt") lines of figures, the same in both builds" >&2

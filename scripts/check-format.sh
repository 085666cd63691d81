#!/usr/bin/env bash
# The .clang-format at the root applied to every C++ file of src/ and tests/: lists each file clang-format would
# change and fails when there is one. (Format a file with `clang-format -i FILE`.)
set -uo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh installs it)"; exit 1; }
# clang-format on forty files at a time, one per processor: it names each file it would change in its
# "FILE:LINE:COL: error:" lines, and xargs fails when any of them did.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
find src tests -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z |
  xargs -0 -n 40 -P "$(nproc)" clang-format --dry-run -Werror >"$log" 2>&1
status=$?
mapfile -t bad < <(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: .*/\1/p' "$log" | sort -u)
if [ "$status" -ne 0 ] && [ ${#bad[@]} -eq 0 ]; then
  cat "$log"
  echo "clang-format failed (status $status)"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ${#bad[@]} -ne 0 ]; then
  echo "Not formatted by .clang-format (${#bad[@]} files):"
  printf '  %s\n' "${bad[@]}"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"

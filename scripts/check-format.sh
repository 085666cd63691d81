#!/usr/bin/env bash
# The .clang-format at the root applied to every C++ file of src/ and tests/: lists each file clang-format would
# change and fails when there is one. (Format a file with `clang-format -i FILE`.)
set -uo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh installs it)"; exit 1; }
bad=()
while IFS= read -r -d '' f; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(find src tests -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if [ ${#bad[@]} -ne 0 ]; then
  echo "Not formatted by .clang-format (${#bad[@]} files):"
  printf '  %s\n' "${bad[@]}"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"

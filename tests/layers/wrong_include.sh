#!/usr/bin/env bash
# The layers are enforced by the build: with the include path a layer's own sources get (FOLDER/TARGET.inc, one
# directory a line, written by CMake from the target's INCLUDE_DIRECTORIES), a header of a layer it may not use
# is not found, and one it may use is. Each probe is one #include compiled with -fsyntax-only.
#   usage: wrong_include.sh CXX FOLDER
set -uo pipefail
cxx=$1
folder=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# probe TARGET HEADER yes|no: yes = must compile, no = must fail with "HEADER: No such file".
probe() {
  local target=$1 header=$2 expect=$3
  local inc="$folder/$target.inc"
  [ -f "$inc" ] || { echo "SKIP $target (not built)"; return; }
  local flags=()
  while IFS= read -r d; do [ -n "$d" ] && flags+=("-I$d"); done < "$inc"
  printf '#include "%s"\nint main() { return 0; }\n' "$header" > "$tmp/probe.cpp"
  local out
  out=$("$cxx" -std=c++20 -fsyntax-only "${flags[@]}" "$tmp/probe.cpp" 2>&1)
  local rc=$?
  if [ "$expect" = yes ] && [ $rc -eq 0 ]; then
    passed=$((passed + 1))
  elif [ "$expect" = no ] && [ $rc -ne 0 ] && grep -q "$header: No such file" <<< "$out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $target including $header (expected: $expect, exit $rc)"
    echo "$out" | head -5
  fi
}

# The window and the CLI: core, services, exchange and reports; never store or the services' connection.
for t in dangbo dangbo_clilib; do
  probe $t "services/Services.h" yes
  probe $t "reports/Document.h" yes
  probe $t "store/Database.h" no
  probe $t "store/Sql.h" no
  probe $t "services/StoreAccess.h" no
done
probe dangbo_clilib "app/Ui.h" no
# Reports and exchange: services and core; exchange (backups) links store privately.
probe dangbo_reports "services/Services.h" yes
probe dangbo_reports "store/Database.h" no
probe dangbo_reports "app/Ui.h" no
probe dangbo_exchange "reports/Document.h" no
probe dangbo_exchange "services/StoreAccess.h" no
probe dangbo_exchange "cli/Cli.h" no
# Services: store and core, nothing above.
probe dangbo_services "services/StoreAccess.h" yes
probe dangbo_services "store/Database.h" yes
probe dangbo_services "exchange/Import.h" no
probe dangbo_services "reports/Document.h" no
probe dangbo_services "app/Ui.h" no
probe dangbo_services "cli/Cli.h" no
# Store and core: nothing above them.
probe dangbo_store "services/Services.h" no
probe dangbo_core "store/Database.h" no
probe dangbo_core "services/Services.h" no

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

# Shared helpers of the GUI tests, sourced inside the X server. Expects $tmp (the test's folder),
# $out (where screenshots go) and, once dangbo runs, $pid. Prints "N passed, N failed" on failure.
passed=1 failed=0  # the demo register was created
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL: $1" >&2
  failed=$((failed + 1))
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  echo "$passed passed, $failed failed"
  [ -s "$tmp/app.err" ] && { echo "--- dangbo stderr:" >&2; tail -20 "$tmp/app.err" >&2; }
  exit 1
}
shot() {  # shot NAME: screenshot of the whole screen
  import -window root "$out/$1.png" && [ -s "$out/$1.png" ] && ok "screenshot $out/$1.png" \
    || fail "screenshot $1 could not be taken"
}
visible() { xdotool search --onlyvisible --pid "$pid" 2>/dev/null | wc -l; }

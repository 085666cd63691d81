#!/usr/bin/env bash
# GUI smoke test of the window under Xvfb, driven by xdotool:
#   tests/gui/smoke.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register with dangbo-cli, starts dangbo on it, checks the window and its title,
# takes screenshots (overview, organizations, settings) into ${DANGBO_SCREENSHOT_DIR:-a temp dir},
# visits every page with Alt+1..8, closes with Ctrl+Q and checks that the program exits with 0.
set -uo pipefail

if [ "${DANGBO_SMOKE_INNER:-}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$1") cli=$(realpath "$2")
  for tool in Xvfb xdotool import sqlite3; do
    command -v "$tool" >/dev/null || { echo "smoke: $tool is not installed" >&2; exit 1; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export DANGBO_SMOKE_TMP=$tmp DANGBO_SMOKE_OUT=${DANGBO_SCREENSHOT_DIR:-$tmp}
  mkdir -p "$DANGBO_SMOKE_OUT"
  # The test must not touch the user's settings or default database.
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data GSETTINGS_BACKEND=memory
  if ! "$cli" --db "$tmp/d.db" demo --seed 1 >"$tmp/cli.out" 2>"$tmp/cli.err"; then
    echo "FAIL: dangbo-cli could not create the demo register:" >&2
    cat "$tmp/cli.err" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  DANGBO_SMOKE_INNER=1 "$(dirname "$0")/xvfb.sh" 1366x768 "$0" "$app" "$cli"
  exit $?
fi

# --- inside the X server ---
app=$1 cli=$2
tmp=$DANGBO_SMOKE_TMP
out=$DANGBO_SMOKE_OUT
. "$(dirname "$0")/lib.sh"

start_app "$tmp/d.db"
ok "the main window appeared"

title=$(xdotool getwindowname "$wid")
case "$title" in
  *"Phiêng Pằn"*) ok "window title: $title" ;;
  *) fail "the window title \"$title\" does not name Phiêng Pằn" ;;
esac
case "$title" in
  *"DỮ LIỆU MẪU"*) ok "the title says the demo commune is sample data" ;;
  *) fail "the window title \"$title\" does not say the demo is sample data" ;;
esac

sleep 1
[ "$(visible)" -eq 1 ] || fail "a second window (an error message?) is open after start"
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
shot smoke

key() { xdotool key --clearmodifiers "$1"; sleep 0.7; }
key alt+2
shot smoke-orgs
key alt+8
shot smoke-settings
for n in 3 4 5 6 7 1; do key "alt+$n"; done
kill -0 "$pid" 2>/dev/null || fail "dangbo ended while switching pages"
[ "$(visible)" -eq 1 ] || fail "a second window (an error message?) is open after switching pages"
ok "every page was shown (Alt+1..8)"

xdotool key --clearmodifiers ctrl+q
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  fail "dangbo did not exit within 10 s of Ctrl+Q"
fi
wait "$pid"
status=$?
pid=
[ "$status" -eq 0 ] || fail "dangbo exited with status $status"
ok "dangbo exited with status 0"
# The backup on opening, beside the register, a sound copy; nothing was changed, so closing wrote no second
# one (the register was byte for byte that copy).
copies=$(ls "$tmp"/saoluu/d-*.db 2>/dev/null | wc -l)
[ "$copies" -eq 1 ] || fail "expected the one automatic backup of opening in $tmp/saoluu, found $copies"
# Read from a copy of it: dangbo opening a file sets it to WAL, and the backup would no longer be byte for byte
# the register (the next opening would then write a new one).
cp "$(ls "$tmp"/saoluu/d-*.db | tail -1)" "$tmp/copy.db"
"$cli" --db "$tmp/copy.db" summary >/dev/null 2>&1 || fail "the last automatic backup cannot be read"
ok "the automatic backup of opening, and none on closing an unchanged register"

# Opened again: the register is byte for byte the newest copy, so opening writes none; a change made while the
# window is open (another program's write) is backed up on closing.
start_app "$tmp/d.db"
sqlite3_waiting "$tmp/d.db" "UPDATE committee SET name = name || ' (sửa)'" || fail "the register could not be changed beside the window"
quit_app
copies=$(ls "$tmp"/saoluu/d-*.db 2>/dev/null | wc -l)
[ "$copies" -eq 2 ] || fail "expected a second automatic backup after the change, found $copies"
name=$(sqlite3 "$(ls "$tmp"/saoluu/d-*.db | tail -1)" "SELECT name FROM committee")
case "$name" in
  *"(sửa)") ok "the change was backed up on closing, and nothing more ($copies copies)" ;;
  *) fail "the newest backup holds \"$name\", not the change" ;;
esac

echo "$passed passed, $failed failed"

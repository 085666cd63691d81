#!/usr/bin/env bash
# GUI flow of a change package's review at the office, under Xvfb, driven by xdotool:
#   tests/gui/package_review.sh <path to dangbo> <path to dangbo-cli>
# The office (demo register) exports a cell package; the cell file made from it gets three edits (a phone,
# an occupation, a residence) and saves its change package; the office changes the same occupation and
# residence meanwhile. In the window: File > Import a change package, the passphrase, the review lists three
# changes with two conflicts; the first conflict takes the cell's value, the second keeps the office's; Apply.
# Checks that exactly the accepted values are in the office file. Screenshots go to
# ${DANGBO_SCREENSHOT_DIR:-a temp dir}: package-review.png, package-review-resolved.png, package-applied.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$1") cli=$(realpath "$2")
  for tool in xvfb-run xdotool import sqlite3; do
    command -v "$tool" >/dev/null || { echo "package_review: $tool is not installed" >&2; exit 1; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export DANGBO_FLOW_TMP=$tmp DANGBO_FLOW_OUT=${DANGBO_SCREENSHOT_DIR:-$tmp} DANGBO_FLOW_CLI=$cli
  mkdir -p "$DANGBO_FLOW_OUT"
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data GSETTINGS_BACKEND=memory
  die() { echo "FAIL: $1" >&2; [ -s "$tmp/cli.err" ] && cat "$tmp/cli.err" >&2; echo "0 passed, 1 failed"; exit 1; }
  "$cli" --db "$tmp/office.db" demo --seed 1 >"$tmp/cli.out" 2>"$tmp/cli.err" || die "demo register"
  cell=$(sqlite3 "$tmp/office.db" "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id \
         WHERE m.status = 'active' GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1")
  echo "matkhau-2026" >"$tmp/pass"
  "$cli" --db "$tmp/office.db" package export --cell "$cell" --out "$tmp/cell.dbgoi" --passphrase-fd 3 3<"$tmp/pass" \
    >>"$tmp/cli.out" 2>"$tmp/cli.err" || die "package export"
  "$cli" package open "$tmp/cell.dbgoi" --db "$tmp/cell.db" --passphrase-fd 3 3<"$tmp/pass" \
    >>"$tmp/cli.out" 2>"$tmp/cli.err" || die "package open"
  # The secretary's edits in the cell file (the services' own edits are tested headless in test_CellPackage).
  mapfile -t ids < <(sqlite3 "$tmp/cell.db" "SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 3")
  sqlite3 "$tmp/cell.db" "UPDATE members SET phone = '0912345678' WHERE id = ${ids[0]};
    UPDATE members SET occupation = 'Giáo viên' WHERE id = ${ids[1]};
    UPDATE members SET residence = 'Bản Nà Ớt' WHERE id = ${ids[2]};" || die "cell edits"
  "$cli" package changes --db "$tmp/cell.db" --out "$tmp/cell.dbgthd" --secretary "Lò Văn Thắng" --passphrase-fd 3 \
    3<"$tmp/pass" >>"$tmp/cli.out" 2>"$tmp/cli.err" || die "package changes"
  # Meanwhile at the office: the same occupation and residence changed.
  sqlite3 "$tmp/office.db" "UPDATE members SET occupation = 'Cán bộ xã' WHERE id = ${ids[1]};
    UPDATE members SET residence = 'Bản Hua Tát' WHERE id = ${ids[2]};" || die "office edits"
  echo "${ids[*]}" >"$tmp/ids"
  DANGBO_FLOW_INNER=1 xvfb-run -a -s "-screen 0 1366x768x24" "$0" "$app" "$cli"
  exit $?
fi

# --- inside the X server ---
app=$1
tmp=$DANGBO_FLOW_TMP
out=$DANGBO_FLOW_OUT
. "$(dirname "$0")/lib.sh"
read -r -a ids <"$tmp/ids"
value() { sqlite3 "$tmp/office.db" "SELECT $1 FROM members WHERE id = $2"; }

"$app" --db "$tmp/office.db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
[ -n "$wid" ] || fail "no window of dangbo (pid $pid) appeared within 30 s"
ok "the main window appeared"
sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
xdotool mousemove 2 2

key ctrl+shift+i
windows 2 || fail "File > Import a change package did not open the file chooser"
xdotool type --delay 30 "$tmp/cell.dbgthd"
sleep 0.5
key Return
sleep 1
windows 2 || fail "choosing the change package did not ask for the passphrase"
xdotool type --delay 30 "matkhau-2026"
key Return
sleep 2
windows 2 || fail "the review did not open (an error message?)"
shot package-review
ok "the review of the change package opened"

key alt+c  # the first conflict (occupation): the cell's value
key alt+o  # the second (residence): the office's value
shot package-review-resolved
key alt+a
sleep 1.5
windows 2 || fail "applying did not show its result"
shot package-applied
key Return
windows 1 || fail "the result message did not close"

[ "$(value phone "${ids[0]}")" = "0912345678" ] || fail "the phone changed only in the cell was not applied"
[ "$(value occupation "${ids[1]}")" = "Giáo viên" ] || fail "the conflict resolved for the cell was not applied"
[ "$(value residence "${ids[2]}")" = "Bản Hua Tát" ] || fail "the conflict resolved for the office was overwritten"
ok "exactly the accepted changes are in the office file"

quit_app
echo "$passed passed, $failed failed"

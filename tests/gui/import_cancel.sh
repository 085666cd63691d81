#!/usr/bin/env bash
# GUI flow of a long import under Xvfb, driven by xdotool:
#   tests/gui/import_cancel.sh <path to dangbo> <path to dangbo-cli>
# Writes a province-sized import folder (100.000 members in 1.000 cells, tests/gui/make_province.py), opens
# the import wizard on it (Ctrl+I), applies it (Alt+N, "Nhập vào sổ"), watches the progress dialog move
# (two screenshots of it that differ), presses its Cancel button while the rows are written, and checks that
# a message says nothing was changed and that the register is exactly as before (members, audit trail,
# revision, file contents). Then the province's register itself (the demo with the folder imported) is opened:
# the splash must name each step of the opening ('state: splash' lines), the window come up on the overview
# and a page read the register when first shown. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}:
# import-checked.png, import-progress-1.png, import-progress-2.png, import-cancelled.png, province-splash.png,
# province-overview.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  extra_tools="python3 compare"
  outer_setup import_cancel "$@"
  python3 "$(dirname "$0")/make_province.py" "$tmp/province" "${PROVINCE_MEMBERS:-100000}" 1000 ||
    { echo "FAIL: make_province.py"; echo "0 passed, 1 failed"; exit 1; }
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"

# The facts a cancelled import must leave unchanged.
facts() {
  sqlite3 "$tmp/d.db" "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM organizations),
    (SELECT count(*) FROM audit_log), (SELECT revision FROM committee WHERE id = 1)"
}
# smallest: the id of the smallest visible window of dangbo (the dialog on top), with its geometry.
smallest() {
  local best="" area=0 w
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    eval "$(xdotool getwindowgeometry --shell "$w")"
    if [ -z "$best" ] || [ $((WIDTH * HEIGHT)) -lt "$area" ]; then
      best=$w area=$((WIDTH * HEIGHT)) dx=$X dy=$Y dw=$WIDTH dh=$HEIGHT
    fi
  done
  echo "$best"
}

start_app "$tmp/d.db"
ok "the main window appeared"
before=$(facts)
sum_before=$(sha256sum "$tmp/d.db" | cut -d' ' -f1)

key ctrl+i
windows 2 || fail "Ctrl+I did not open the import wizard"
type_text "$tmp/province" 20
key Return
# Reading and checking 101.000 rows runs under the progress dialog; then the wizard shows the plan.
for _ in $(seq 1 300); do
  [ "$(visible)" -eq 2 ] && break
  sleep 0.2
done
sleep 1
windows 2 || fail "checking the province's rows did not come back to the wizard"
shot import-checked

# The import of 101.000 rows takes a few seconds: no pause after the key, the dialog is watched at once.
xdotool key --clearmodifiers alt+n
for _ in $(seq 1 100); do
  [ "$(visible)" -ge 3 ] && break
  sleep 0.05
done
[ "$(visible)" -ge 3 ] || fail "Alt+N (Nhập vào sổ) did not open the progress dialog"
dialog=$(smallest)
eval "$(xdotool getwindowgeometry --shell "$dialog")"
import -window root -crop "${WIDTH}x${HEIGHT}+$X+$Y" "$out/import-progress-1.png"
sleep 0.25
import -window root -crop "${WIDTH}x${HEIGHT}+$X+$Y" "$out/import-progress-2.png"
# Cancel: the right-hand button at the bottom of the progress dialog.
xdotool mousemove $((X + WIDTH - 60)) $((Y + HEIGHT - 25)) click 1
sleep 1.5
diff_pixels=$(compare -metric AE "$out/import-progress-1.png" "$out/import-progress-2.png" null: 2>&1 | cut -d' ' -f1)
[ "${diff_pixels%.*}" -gt 0 ] 2>/dev/null || fail "the progress dialog did not change in 0,25 s ($diff_pixels pixels)"
ok "the progress dialog moved ($diff_pixels pixels changed in 0,25 s)"
windows 3 || fail "no message after Cancel (the import may have finished first)"
shot import-cancelled
key Return
windows 2 || fail "the message after Cancel did not close"
# Close the wizard with its Close button (bottom right): after the message the focus is not back in it.
wizard=$(smallest)
eval "$(xdotool getwindowgeometry --shell "$wizard")"
xdotool mousemove $((X + WIDTH - 57)) $((Y + HEIGHT - 33)) click 1 mousemove 2 2  # no tooltip left
sleep 0.8
windows 1 || fail "the Close button did not close the import wizard"
after=$(facts)
[ "$before" = "$after" ] || fail "the register changed although the import was cancelled: $before -> $after"
ok "members, organizations, audit rows and revision unchanged: $after"
sum_after=$(sha256sum "$tmp/d.db" | cut -d' ' -f1)
[ "$sum_before" = "$sum_after" ] || fail "the file's contents changed although the import was cancelled"
ok "the file is byte for byte as before"
[ "$(sqlite3 "$tmp/d.db" "PRAGMA integrity_check")" = ok ] || fail "the file is damaged after the cancel"
[ -z "$(sqlite3 "$tmp/d.db" "PRAGMA foreign_key_check")" ] || fail "broken references after the cancel"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'members_search'")" = 1 ] ||
  fail "an index dropped for the bulk load did not come back"
ok "the file is sound: integrity, references and indexes"

quit_app

# --- the province's register itself: it opens behind a splash that shows its steps, the window comes up on the
# overview, and a page reads the register when first shown ---
"$cli" --db "$tmp/p.db" demo --seed 1 >/dev/null 2>"$tmp/cli.err" &&
  "$cli" --db "$tmp/p.db" import "$tmp/province" >/dev/null 2>>"$tmp/cli.err" ||
  fail "the province's register could not be made: $(head -c 300 "$tmp/cli.err")"
export DANGBO_LAYOUT_CHECK=1
"$app" --db "$tmp/p.db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
state_mark=0
wait_state 'splash "Đang đọc sổ..." 0/3' 60 || fail "no splash while the province's register opens"
[ -n "$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null)" ] && shot province-splash
# The backup step only pins the register's state (the copy is made on a thread): the next lines may follow it
# at once, before wait_state's mark moves past them, so each is looked for from the start of this run's log.
seen() { state_mark=0; wait_state "$@"; }
seen 'splash "Đang sao lưu sổ..." 1/3' 60 || fail "the splash did not move on to the backup"
seen 'splash "Đang tính các số liệu tổng quan..." 2/3' 120 ||
  fail "the splash did not move on to the overview's figures"
ok "the splash showed each step of the opening"
seen '| Tổng quan |' 120 || fail "the main window did not come up on the overview"
wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1)
[ "$(xdotool getwindowname "$wid")" != "Đang mở sổ" ] || fail "the splash stayed up after the window came"
ok "the main window came up: $(xdotool getwindowname "$wid")"
xdotool windowfocus --sync "$wid" 2>/dev/null
xdotool mousemove 2 2
sleep 2
shot province-overview
press Down '| Tổ chức đảng |'
ok "the organizations page read the register when it was first shown"
quit_app
echo "$passed passed, $failed failed"

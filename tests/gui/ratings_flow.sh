#!/usr/bin/env bash
# GUI flow of the annual rating page under Xvfb, driven by xdotool:
#   tests/gui/ratings_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register (imported ratings, no round), opens the ratings page (Alt+5) on the latest rated
# year, opens its round (Alt+M, confirmed): the keyboard is then on the cell list. Down Down chooses the third
# cell, Return goes into its grid and the key 1 three times rates three members "excellent" (the cursor goes
# down to the next member rated after each), so that the quota warning shows. Esc goes back to the cell list,
# Down chooses the fourth cell, Return and the keys 2, 3, 4 rate three of its members. Then tries to lock the
# round (Alt+K): the dialog lists the violations and is cancelled. Shows the office's cells tab and the summary
# (Ctrl+PageDown). The database must show each key's decision in the cell it was meant for (the audit rows of
# rating.decide), `check --format json` must find the quota of the third cell, and the round must still be
# open. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}: ratings-grid.png (third cell),
# ratings-grid2.png (fourth cell), ratings-lock.png, ratings-cells.png, ratings-summary.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  demo_args="--today 2026-11-29" outer_setup ratings_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"

# The latest rated year and the third and fourth cells by code, as the page lists them.
year=$("$cli" --db "$tmp/d.db" report ratings --from 1990-01-01 --to 2026-12-31 --format csv | awk -F, 'NR > 1 && $2 == "Đảng viên" { y = $1 } END { print y }')
[ -n "$year" ] || fail "the demo register has no ratings"
ok "the demo register has ratings up to $year"
cellAt() {
  sqlite3 "$tmp/d.db" "SELECT code FROM organizations WHERE (founded IS NULL OR founded <= '$year-12-31')
    AND (ceased IS NULL OR ceased > '$year-12-31') ORDER BY code LIMIT 1 OFFSET $1"
}
cell=$(cellAt 2)
cell2=$(cellAt 3)
# The levels decided in the window for members rated in cell $1, in order ("HTXSNV HTXSNV ...").
decided() {
  sqlite3 "$tmp/d.db" "SELECT a.new_value FROM audit_log a JOIN members m ON a.record = 'rating:$year:dang_vien:' || m.code
    JOIN ratings r ON r.subject_type = 'dang_vien' AND r.subject_id = m.id AND r.year = $year
    JOIN organizations o ON o.id = r.cell_id WHERE a.action = 'rating.decide' AND o.code = '$1' ORDER BY a.id" |
    grep -o 'level=[A-Z]*' | sed 's/level=//' | tr '\n' ' ' | sed 's/ $//'
}

quotas() { "$cli" --db "$tmp/d.db" check --format json 2>/dev/null | grep -o '"rule": *"rating_quota"' | wc -l; }
quota_before=$(quotas)
"$app" --db "$tmp/d.db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
[ -n "$wid" ] || fail "no window of dangbo (pid $pid) appeared within 30 s"
ok "the main window appeared"
sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
xdotool mousemove 2 2  # no tooltip in the screenshots

key alt+5
windows 1 || fail "a second window (an error message?) opened on the ratings page"
# The buttons' mnemonics: "&Mở đợt..." / "&Khóa đợt..." in Vietnamese, "&Open round..." / "&Lock round..." in
# English (before the catalog has the strings).
key alt+m
[ "$(visible)" -eq 1 ] && key alt+o
windows 2 || fail "Alt+M did not ask to open the round of $year"
# "Cancel" is the default button; click the affirmative one, on the right of the dialog's button row (without
# a window manager the dialog does not always take the keyboard focus).
confirm_right
windows 1 || fail "the confirmation of the round did not close"
sqlite3 "$tmp/d.db" "SELECT status FROM rating_rounds WHERE year = $year" 2>/dev/null | grep -qx open \
  || fail "the round of $year was not opened"
ok "the round of $year was opened from the window"

# The keyboard is on the cell list (its first cell chosen): the third cell, then into its grid.
key Down
key Down
key Return
for _ in 1 2 3; do key 1; done
windows 1 || fail "keys 1 in the grid opened a window (an error message?)"
got=$(decided "$cell")
[ "$got" = "HTXSNV HTXSNV HTXSNV" ] \
  || fail "Down Down, Return and 1 1 1 did not rate three members of $cell excellent (decisions there: '$got'; in CB01: '$(decided CB01)')"
ok "the keys 1 rated three members of $cell (the third cell) excellent"
shot ratings-grid

# Esc: back to the cell list; Down: the fourth cell; Return and the keys 2, 3, 4 there.
key Escape
key Down
key Return
for k in 2 3 4; do key "$k"; done
windows 1 || fail "keys 2-4 in the grid of $cell2 opened a window (an error message?)"
got=$(decided "$cell2")
[ "$got" = "HTTNV HTNV KHTNV" ] \
  || fail "Esc, Down, Return and 2 3 4 did not rate three members of $cell2 (decisions there: '$got'; in $cell: '$(decided "$cell")')"
ok "Esc, Down and the keys 2, 3, 4 rated three members of $cell2 (the fourth cell)"
shot ratings-grid2

key alt+k
[ "$(visible)" -eq 1 ] && key alt+l
windows 2 || fail "Alt+K did not ask to lock the round"
confirm_right
windows 2 || fail "the lock with the quota violated did not show the violations"
sleep 0.5
shot ratings-lock
key Escape
windows 1 || fail "Esc did not close the dialog of the violations"
sqlite3 "$tmp/d.db" "SELECT status FROM rating_rounds WHERE year = $year" | grep -qx open \
  || fail "the round of $year was locked although the quota was violated"
ok "the lock was refused while the quota is violated"

key ctrl+Next
sleep 0.5
shot ratings-cells
key ctrl+Next
sleep 1
windows 1 || fail "the summary opened a window (an error message?)"
shot ratings-summary

quit_app

quota_after=$(quotas)
[ "$quota_after" -gt "$quota_before" ] \
  || fail "check does not find the quota violated in the window ($quota_before findings before, $quota_after after)"
ok "check finds the rating_quota violation entered in the window"
echo "$passed passed, $failed failed"

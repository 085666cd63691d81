#!/usr/bin/env bash
# GUI flow of the admissions page under Xvfb, driven by xdotool:
#   tests/gui/admissions_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register, opens the admissions page (Alt+4) and takes the board; opens the file of a
# candidate whose next stage is the cell vote (typing its code on the board, then Return): the file opens on
# the vote's section with the keyboard in its date field. Types today's date, Tab, one vote in favour and
# Return: the vote below 2/3 is refused with a message (a second dialog) and nothing is stored. Then the
# number of official members counted for the day (all in favour), Return: the vote is recorded with the
# count of the register. Esc closes the file; the card has moved to the next column. Then the ceremony of a
# candidate with a decision (its file opens in the ceremony's date field): the date, two Tabs, a member code and
# Return make a probationary member; the members page (Alt+3) then lists the new member, searched by name.
# Then opens the new-candidate form (Ctrl+N). Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}:
# admissions-board.png, candidate-file.png, vote-refused.png, vote-recorded.png, admissions-board-after.png,
# ceremony.png, members-after-ceremony.png, new-candidate.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  extra_tools="python3 convert" outer_setup admissions_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
# sql QUERY: the first column of the first row (read-only)
sql() {
  python3 -c 'import sqlite3,sys
c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True)
r=c.execute(sys.argv[2]).fetchone()
print("" if r is None or r[0] is None else r[0])' "$tmp/d.db" "$1"
}

# A candidate of the demo whose next stage is the cell's vote.
code=$(sql "SELECT code FROM candidates WHERE status = 'in_progress' AND mass_org_comment_on IS NOT NULL AND cell_vote_on IS NULL ORDER BY code LIMIT 1")
[ -n "$code" ] || fail "the demo register has no candidate waiting for the cell's vote"
ok "candidate $code waits for the cell's vote"

"$app" --db "$tmp/d.db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
[ -n "$wid" ] || fail "no window of dangbo (pid $pid) appeared within 30 s"
ok "the main window appeared"
sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
xdotool mousemove 2 2  # no tooltip in the screenshots

key alt+4
sleep 1
windows 1 || fail "a second window (an error message?) opened with the admissions page"
shot admissions-board
ok "the admissions page shows the board"

# Each column scrolls on its own: End takes the selection to the last card of the first column (12 cards,
# three in view), which scrolls that column only. The pixels that change lie within one column's width.
import -window root "$tmp/board-top.png"
key End
import -window root "$tmp/board-end.png"
read -r cw ch cx _ < <(convert "$tmp/board-top.png" "$tmp/board-end.png" -compose difference -composite \
  -threshold 0 -trim -format '%w %h %X %Y' info: 2>/dev/null)
[ "${ch:-0}" -gt 100 ] || fail "End on the board changed nothing (${cw:-?}x${ch:-?}): the first column did not scroll"
[ "${cw:-9999}" -lt 200 ] ||
  fail "End on the first column changed ${cw}x${ch} pixels from x=$cx: more than that column moved"
ok "End scrolled the first column alone (${cw}x${ch} pixels changed from x=$cx)"
shot admissions-board-column-end
key Home

type_text "$code" 80
sleep 0.5
key Return
windows 2 || fail "typing $code and Return on the board did not open the candidate's file"
ok "Return opened the file of $code"
sleep 1
shot candidate-file

# The keyboard is in the vote's date field: the date, Tab to the count in favour, one vote, Return.
today=$(date +%d/%m/%Y)
key ctrl+a
type_text "$today" 40
sleep 1
key Tab
key ctrl+a
type_text "1" 40
key Return
windows 3 || fail "a vote of 1 in favour was not refused with a message"
ok "a vote below 2/3 is refused with a message"
sleep 0.5
shot vote-refused
[ -z "$(sql "SELECT cell_vote_on FROM candidates WHERE code = '$code'")" ] \
  || fail "the refused vote was stored"
ok "the refused vote left the file unchanged"
key Return
windows 2 || fail "Return did not close the refusal message"

# All the official members of the day in favour: the spin control takes at most the count of the register.
key Tab  # the refusal returns the focus to the dialog: go back to the count field
xdotool key --clearmodifiers shift+Tab
sleep 0.3
key ctrl+a
type_text "9999" 40
key Return
sleep 1
windows 2 || fail "recording the vote with every official member in favour opened a message"
voted=$(sql "SELECT cell_vote_on || ' ' || cell_vote_in_favour || '/' || cell_vote_official FROM candidates WHERE code = '$code'")
iso=$(date +%Y-%m-%d)
case "$voted" in
  "$iso "*) ok "the vote is recorded: $voted" ;;
  *) fail "the vote was not recorded (got '$voted')" ;;
esac
shot vote-recorded
key Escape
windows 1 || fail "Esc did not close the candidate's file"
ok "Esc closed the candidate's file"
sleep 0.5
shot admissions-board-after

# The ceremony of a candidate with a decision: a probationary member, shown on the members page at once.
decided=$(sql "SELECT code FROM candidates WHERE status = 'in_progress' AND decision_on IS NOT NULL AND ceremony_on IS NULL ORDER BY code LIMIT 1")
name=$(sql "SELECT full_name FROM candidates WHERE code = '$decided'")
[ -n "$decided" ] || fail "the demo register has no candidate waiting for the ceremony"
before=$(sql "SELECT count(*) FROM members")
type_text "$decided" 80
sleep 0.5
key Return
windows 2 || fail "typing $decided and Return on the board did not open the candidate's file"
sleep 1
key ctrl+a
type_text "$today" 40
key Tab  # down the column: the card number, then the member code at the top of the next column
key Tab
type_text "DV09999" 40
key Return
sleep 1
windows 2 || fail "the ceremony of $decided was refused with a message"
[ "$(sql "SELECT status || ' ' || (SELECT code FROM members WHERE candidate_id = candidates.id) FROM candidates WHERE code = '$decided'")" = "admitted DV09999" ] \
  || fail "the ceremony of $decided did not make the member DV09999"
[ "$(sql "SELECT count(*) FROM members")" -eq $((before + 1)) ] || fail "the ceremony did not add exactly one member"
ok "the ceremony of $decided made the probationary member DV09999"
shot ceremony
key Escape
windows 1 || fail "Esc did not close the file of $decided"
key alt+3
sleep 1
type_text "$name" 60
sleep 1.5
shot members-after-ceremony
ok "the members page after the ceremony (searched for $name)"
key alt+4
sleep 0.5

key ctrl+n
windows 2 || fail "Ctrl+N on the admissions page did not open the new-candidate form"
sleep 0.5
shot new-candidate
key Escape
windows 1 || fail "Esc did not close the new-candidate form"
ok "Ctrl+N opened the new-candidate form"

quit_app
echo "$passed passed, $failed failed"

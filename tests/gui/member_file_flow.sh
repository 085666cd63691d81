#!/usr/bin/env bash
# GUI flow of the member's file pages (issue 19) under Xvfb at 1366x768, driven by xdotool:
#   tests/gui/member_file_flow.sh <path to dangbo> <path to dangbo-cli>
# On the demo register (no badge awarded, no letter in the transfer book):
# - Huy hiệu Đảng: the year before this one, its last award day (07/11) chosen; the first member proposed gets
#   the award refused without its decision's number, then typed (decision, its day, badge number; the ceremony
#   is the award day) and Alt+R records it: the
#   register holds it with its audit row, the member is off the list; the proposal with its memo saved as PDF.
# - Thống kê: the templates of last year shown, saved as Excel.
# - Giới thiệu sinh hoạt: the first transfer out of this year without a letter entered in the book (number 1 of
#   the year, audit row), its letter printed as PDF (Ctrl+P).
# The layout check must stay clean. Screenshots: file-badges, file-badges-refused, file-badges-recorded,
# file-statistics, file-transfers, file-transfers-entered.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  extra_tools="pdftotext unzip"
  outer_setup member_file_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1 DANGBO_FAST_HASH=1
year=$(date +%Y)
last=$((year - 1))

# goto ROW TITLE: a click on the ROW-th title of the list of pages (rows 24 pixels high from 47 below the window's
# top; the pages past the ninth have no Alt key), then the page TITLE shown.
goto() {
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  mark_state
  xdotool mousemove $((X + 60)) $((Y + 47 + 24 * ($1 - 1))) click 1 mousemove 2 2
  wait_state "| $2" || fail "a click on the page $2 did not show it (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
}
# save_as PATH: the file dialog open (a second window), saves to PATH and closes the message saying so.
save_as() {
  windows 2 || fail "no file dialog asked where to save $1"
  focus_newest
  key ctrl+a
  type_text "$1" 30
  xdotool key --clearmodifiers Return
  for _ in $(seq 1 100); do [ -s "$1" ] && break; sleep 0.1; done
  [ -s "$1" ] || fail "$1 was not saved"
  sleep 0.5
  windows 2 || fail "saving $1 ended in no message"
  focus_newest
  key Return
  windows 1 || fail "the message after saving $1 did not close"
  xdotool windowfocus --sync "$wid" 2>/dev/null  # no window manager gives the focus back
}
# focused NAME: the state's focus line, e.g. focused proposals -> the selected row "DV00001 / ...".
focused() { grep '^state: ' "$tmp/app.out" | tail -1 | sed -n "s/.*| focus $1 \"\\(.*\\)\"$/\\1/p"; }

start_app "$tmp/d.db"
wait_state "| Tổng quan" 20 || fail "the overview did not show"

# --- Party badges: last year's 07/11 round, an award recorded ---
goto 10 "Huy hiệu Đảng"
press alt+n "| focus year"
key ctrl+a
type_text "$last"
key Return
key Tab  # the award day (the round), its last of the year chosen: a choice, which the state lines cannot name
press Tab "| focus proposals"
press Down "| focus proposals \"DV"
row=$(focused proposals)
code=${row%% / *}
years=$(echo "$row" | awk -F' / ' '{print $4}')
[ -n "$code" ] && [ -n "$years" ] || fail "no member proposed in the round of 07/11/$last ($row)"
ok "the round of 07/11/$last proposes $code for the badge of $years years ($row)"
shot file-badges
# Without the number of its decision the award is refused by the service, in a message; nothing is written.
key alt+r
windows 2 || fail "an award without a decision number was not refused in a message"
focus_newest
shot file-badges-refused
key Return
windows 1 || fail "the message refusing the award did not close"
xdotool windowfocus --sync "$wid" 2>/dev/null
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM badge_awards")" = 0 ] || fail "an award without a decision number was written"
ok "an award without the number of its decision is refused and nothing is written"
key alt+q
type_text "12-QĐ/ĐU"
key alt+k
type_text "01/11/$last"
key alt+h
type_text "HH-$last-001"
press alt+r "| focus proposals"
got=$(sqlite3 "$tmp/d.db" "SELECT b.milestone || ' ' || b.decision_no || ' ' || b.decision_on || ' ' || b.ceremony_on
  FROM badge_awards b JOIN members m ON m.id = b.member_id WHERE m.code = '$code' AND b.badge_no = 'HH-$last-001'")
[ "$got" = "$years 12-QĐ/ĐU $last-11-01 $last-11-07" ] || fail "the award of $code is not in the register as typed: \"$got\""
audit=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE record = 'member:$code' AND action = 'member.badge_award'")
[ "$audit" -ge 1 ] || fail "the award of $code left no audit row"
ok "Alt+R recorded the badge of $years years for $code (HH-$last-001, ceremony 07/11/$last) with its audit row"
xdotool key --clearmodifiers Home
sleep 0.5
grep '^state: ' "$tmp/app.out" | tail -1 | grep -q "focus proposals \"$code " &&
  fail "$code, awarded, is still proposed"
shot file-badges-recorded
key alt+s
save_as "$tmp/de-nghi.pdf"
grep -q "Huy hiệu Đảng" <(pdftotext "$tmp/de-nghi.pdf" -) || fail "the proposal saved is not about the Party badge"
ok "the proposal with its memo saved as PDF"

# --- Statistics: last year's templates, saved as Excel ---
goto 11 "Thống kê"
sleep 0.5
shot file-statistics
key alt+e
save_as "$tmp/thong-ke.xlsx"
grep -q "xl/worksheets/" <(unzip -l "$tmp/thong-ke.xlsx") || fail "the statistics saved are not a workbook"
ok "the statistics templates of $last saved as Excel"

# --- Transfer letters: the first transfer out of this year without a letter entered, its letter printed ---
goto 12 "Giới thiệu sinh hoạt"
press alt+n "| focus year"
for _ in 1 2 3 4; do  # past the buttons Print the letter and Save the book
  mark_state
  xdotool key --clearmodifiers Tab
  wait_state "| focus " 5 && grep '^state: ' "$tmp/app.out" | tail -1 | grep -q '| focus awaiting' && break
done
grep '^state: ' "$tmp/app.out" | tail -1 | grep -q '| focus awaiting' || fail "Tab from the year did not reach the transfers without a letter"
for _ in $(seq 1 30); do
  mark_state
  xdotool key --clearmodifiers Down
  wait_state "| focus awaiting \"" 5 || fail "Down in the transfers without a letter selected nothing"
  grep '^state: ' "$tmp/app.out" | tail -1 | grep -q 'focus awaiting "Cấp đi / ' && break
done
row=$(focused awaiting)
case $row in "Cấp đi / "*) ;; *) fail "no transfer out of $year without a letter ($row)" ;; esac
code=$(echo "$row" | awk -F' / ' '{print $3}')
shot file-transfers
press alt+v "| focus book \"Cấp đi / 1/$year / "
got=$(sqlite3 "$tmp/d.db" "SELECT t.direction || ' ' || t.year || ' ' || t.number FROM transfer_letters t
  JOIN members m ON m.id = t.member_id WHERE m.code = '$code'")
[ "$got" = "issued $year 1" ] || fail "the letter of $code is not number 1 of $year issued: \"$got\""
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE action = 'transfer_letter.issue' AND record = 'member:$code'")" = 1 ] ||
  fail "entering the letter of $code left no audit row"
ok "Alt+V entered the letter of $code in the transfer book as number 1/$year, with its audit row"
shot file-transfers-entered
key ctrl+p  # printPaper: the letter selected in the book (the button In giấy giới thiệu does the same)
save_as "$tmp/gioi-thieu.pdf"
grep -q "1/$year" <(pdftotext "$tmp/gioi-thieu.pdf" -) || fail "the letter printed does not carry its number 1/$year"
ok "the letter of $code printed as PDF with its book number"

layout_clean
quit_app
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

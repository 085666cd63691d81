#!/usr/bin/env bash
# GUI flow of the member's file pages (issue 19) under Xvfb at 1366x768, driven by xdotool:
#   tests/gui/member_file_flow.sh <path to dangbo> <path to dangbo-cli>
# On the demo register (no badge awarded, no letter in the transfer book):
# - Đảng viên: a member's form, tab Tuổi Đảng: an interruption of 3 years added (party age 3 years less), an
#   early request (seriously ill) added, an overlapping interruption refused, the interruption deleted; each
#   read back with dangbo-cli record show.
# - Phiếu bổ sung: two sheets of this year marked returned (the counts, dangbo-cli's missing list and the
#   audit agree), only those not returned shown, the missing list and the sheets saved as PDF.
# - Huy hiệu Đảng: the year before this one, its last award day (07/11) chosen; the first member proposed gets
#   the award refused without its decision's number, then typed (decision, its day, badge number; the ceremony
#   is the award day) and Alt+R records it: the
#   register holds it with its audit row, the member is off the list; the proposal with its memo saved as PDF.
# - Thống kê: the templates of last year shown, saved as Excel.
# - Giới thiệu sinh hoạt: the first transfer out of this year without a letter entered in the book (number 1 of
#   the year, audit row), its letter printed as PDF (Ctrl+P).
# The layout check must stay clean. Screenshots: file-party-age, file-party-age-interruption,
# file-party-age-entered, file-supplements, file-supplements-missing, file-badges, file-badges-refused, file-badges-recorded,
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
# read_back KIND PATTERN: up to 5 s for `dangbo-cli record show KIND $member` to print a line matching PATTERN
# (grep -E); its output in $got.
read_back() {
  for _ in $(seq 1 50); do
    got=$("$cli" --db "$tmp/d.db" record show "$1" "$member" 2>&1)
    grep -qE "$2" <<<"$got" && return 0
    sleep 0.1
  done
  return 1
}
# shown TEXT: up to 10 s for the window's latest state line to contain TEXT.
shown() {
  for _ in $(seq 1 100); do
    grep '^state: ' "$tmp/app.out" | tail -1 | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
# vn N: N with the Vietnamese thousands separator (1.050).
vn() { sed ':a;s/\B[0-9]\{3\}\>/.&/;ta' <<<"$1"; }
# focused NAME: the state's focus line, e.g. focused proposals -> the selected row "DV00001 / ...".
focused() { grep '^state: ' "$tmp/app.out" | tail -1 | sed -n "s/.*| focus $1 \"\\(.*\\)\"$/\\1/p"; }

start_app "$tmp/d.db"
wait_state "| Tổng quan" 20 || fail "the overview did not show"
# --- Party age in the member form (first, before any file dialog: the GTK file chooser
# reads the files of the register's folder and closing them drops the window's SQLite locks, after which a
# second program may no longer see the window's writes): an interruption added (party age shorter), an early request, the
# interruption deleted; each read back through dangbo-cli ---
# A present member admitted before 1995 whose name is in no other member's name (the search finds only them).
read -r member name < <(sqlite3 -separator ' ' "$tmp/d.db" "SELECT code, full_name FROM members m
  WHERE status = 'active' AND admitted_on < '1995-01-01' AND id NOT IN (SELECT member_id FROM party_interruptions)
  AND NOT EXISTS (SELECT 1 FROM members o WHERE o.id <> m.id AND o.full_name LIKE '%' || m.full_name || '%')
  ORDER BY code LIMIT 1")
[ -n "$member" ] || fail "no present member admitted before 1995 in the demo register"
key alt+3
key ctrl+f
type_text "$name"
sleep 1
key Return
windows 2 || fail "Return in the search for $member did not open the member form"
focus_newest
press ctrl+Prior "| note \"Tuổi Đảng: "
mark_state
before=$(grep '^state: ' "$tmp/app.out" | tail -1 | sed -n 's/.*note "Tuổi Đảng: \([0-9]*\) năm.*/\1/p')
[ -n "$before" ] || fail "the Party age tab of $member shows no party age"
shot file-party-age
key alt+g
windows 3 || fail "Alt+G did not open the form of an interruption"
focus_newest
type_text "01/01/2001"
key Tab
type_text "01/01/2004"
shot file-party-age-interruption
key Return
windows 2 || fail "the interruption form did not close after saving"
read_back interruption "kind=transfer_gap	from=2001-01-01	to=2004-01-01" ||
  fail "the interruption of $member is not stored as typed: $got"
wait_state "| note \"Tuổi Đảng: $((before - 3)) năm" ||
  fail "a gap of 3 years did not take 3 years off the party age of $member ($before years before)"
after=$((before - 3))
ok "the interruption of $member 01/01/2001-01/01/2004 stored; party age $before -> $after years"
key alt+s
windows 3 || fail "Alt+S did not open the form of an early request"
focus_newest
key Return
windows 2 || fail "the early request form did not close after saving"
read_back badge_request "kind=ill	requested_on=$(date +%Y-%m-%d)" || fail "the early request of $member is not stored: $got"
ok "the request to propose the badge of $member early (seriously ill) stored"
shot file-party-age-entered
key alt+g  # a second, overlapping interruption is refused in a message; the form stays open
windows 3 || fail "Alt+G did not open the form of an interruption again"
focus_newest
type_text "01/06/2002"
key Return
windows 4 || fail "an overlapping interruption was not refused in a message"
focus_newest
key Return
windows 3 || fail "the message refusing the overlap did not close"
focus_newest
key Escape
windows 2 || fail "Esc did not close the interruption form"
[ "$("$cli" --db "$tmp/d.db" record show interruption "$member" | wc -l)" = 1 ] ||
  fail "an overlapping interruption of $member was stored"
ok "an interruption overlapping another is refused and nothing is written"
focus_newest
key alt+x  # the interruption chosen (the only one) deleted after a question
windows 3 || fail "Alt+X did not ask before deleting the interruption"
confirm_right
windows 2 || fail "the question before deleting did not close"
read_back interruption "^$" || fail "the interruption of $member was not deleted: $got"
ok "the interruption of $member deleted"
focus_newest
key Escape
windows 1 || fail "Esc did not close the member form"
xdotool windowfocus --sync "$wid" 2>/dev/null


# --- File supplements (3-HSĐV) of this year: two sheets marked returned (read back with dangbo-cli), the missing
# list and the sheets saved ---
goto 13 "Phiếu bổ sung"
total=$("$cli" --db "$tmp/d.db" report file-supplement-missing --year "$year" --format csv 2>/dev/null | tail -n +2 | wc -l)
[ "$total" -gt 2 ] || fail "the demo register has no sheets of $year to return ($total)"
shown "| note \"$(vn "$total") phiếu: 0 đã nộp, $(vn "$total") chưa nộp." || fail "the page does not count $total sheets, none returned"
press alt+n "| focus year"
for _ in 1 2 3 4 5 6; do  # past the buttons and the box Only the sheets not returned
  mark_state
  xdotool key --clearmodifiers Tab
  wait_state "| focus " 5 && grep '^state: ' "$tmp/app.out" | tail -1 | grep -q '| focus sheets' && break
done
press Down "| focus sheets \"DV"
first=$(focused sheets)
first=${first%% / *}
key shift+Down  # and the next sheet, in the order of dangbo-cli's missing list (the state names the first only)
second=$("$cli" --db "$tmp/d.db" report file-supplement-missing --year "$year" --format csv 2>/dev/null |
  awk -F, -v c="$first" 'found { print $2; exit } $2 == c { found = 1 }')
[ -n "$first" ] && [ -n "$second" ] && [ "$first" != "$second" ] || fail "Down and Shift+Down did not choose two sheets ($first, $second)"
shot file-supplements
key alt+i
shown "| note \"$(vn "$total") phiếu: 2 đã nộp, $(vn $((total - 2))) chưa nộp." ||
  fail "after Alt+I the page does not count 2 sheets returned"
missing=$("$cli" --db "$tmp/d.db" report file-supplement-missing --year "$year" --format csv 2>&1)
[ "$(tail -n +2 <<<"$missing" | wc -l)" = $((total - 2)) ] || fail "dangbo-cli does not count 2 sheets fewer missing"
grep -q ",$first," <<<"$missing" && fail "the sheet of $first is still missing for dangbo-cli"
grep -q ",$second," <<<"$missing" && fail "the sheet of $second is still missing for dangbo-cli"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE action = 'file_supplement.return'")" = 2 ] ||
  fail "marking two sheets returned did not leave two audit rows"
ok "Alt+I marked the sheets of $first and $second returned today: dangbo-cli lists $((total - 2)) missing"
press alt+h "| focus onlyMissing"  # only the sheets not returned
shot file-supplements-missing

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

# --- File supplements again: the missing list and the sheets saved (last: see the party age above) ---
goto 13 "Phiếu bổ sung"
key alt+d
save_as "$tmp/chua-nop.pdf"
pdftotext "$tmp/chua-nop.pdf" - | grep -q "$first" && fail "the missing list saved still names $first"
ok "the list of the sheets missing saved as PDF, without $first"
key alt+p
save_as "$tmp/phieu-bo-sung.pdf"
grep -q "3-HSĐV" <(pdftotext "$tmp/phieu-bo-sung.pdf" -) || fail "the sheets saved are not the form 3-HSĐV"
ok "the sheets of $year saved as PDF"

layout_clean
quit_app
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

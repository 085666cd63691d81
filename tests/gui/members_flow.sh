#!/usr/bin/env bash
# GUI flow of the members page under Xvfb, driven by xdotool:
#   tests/gui/members_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register, opens the members page (Alt+3), types "pan" in the search, opens the first
# member (Return), shows the history tab, closes the form (Esc), then opens the import wizard (Ctrl+I) on a
# small CSV folder with one erroneous row and checks that nothing was written. Screenshots go to
# ${DANGBO_SCREENSHOT_DIR:-a temp dir}: members-pan.png, member-history.png, import-wizard.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  extra_tools=pdftotext
  outer_setup members_flow "$@"
  # A small import folder: the empty templates, and in dang_vien.csv a new member, a changed residence of a
# demo member and one refused row.
  "$cli" templates "$tmp/import" >/dev/null 2>&1 || { echo "FAIL: templates"; echo "0 passed, 1 failed"; exit 1; }
  header=$(head -1 "$tmp/import/dang_vien.csv")
  {
    printf '%s\n' "$header"
    echo 'DV09001,Lò Văn Pằn,12/03/1985,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,012345678901,12/12,Đại học,Trung cấp,Giáo viên,CB02,15/06/2010,15/06/2011,,,,Đang sinh hoạt,'
    echo 'DV00154,,,,,,,Bản Chiềng Lương mới,,,,,,,,,,,,,'
    echo 'DV09003,Quàng Văn Đào,1978,Nam,Thái,Không,Phiêng Pằn,Bản Co Kè,0123456789012,12/12,Trung cấp,Sơ cấp,Trưởng bản,CB99,31/02/2012,,,,,Đang sinh hoạt,'
  } >"$tmp/import/dang_vien.csv"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1  # the state lines name the selected row of the focused list

# first_row: Home in the focused member list, then the "CODE NAME" of its selected row from the state lines.
first_row() {
  xdotool key --clearmodifiers Home
  sleep 1
  grep '^state: ' "$tmp/app.out" | tail -1 | sed -n 's/.*| focus list "\(.*\)"$/\1/p'
}
# sorted_by HEADING: the last state names HEADING (with its arrow) as the heading the focused list is sorted by.
sorted_by() {
  grep '^state: ' "$tmp/app.out" | tail -1 | grep -qF "| sorted $1 | focus" ||
    fail "the list's headings do not show \"$1\" (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
}
# heading X: clicks the member list's heading at X pixels from the window's left edge (at 1280x760).
heading() {
  xdotool mousemove $((win_x + $1)) $((win_y + 272)) click 1
  sleep 1.5
}

start_app "$tmp/d.db"
ok "the main window appeared"
eval "$(xdotool getwindowgeometry --shell "$wid")"
win_x=$X win_y=$Y

# Sorting the list by its headings: by code, then the other way, then back to the Vietnamese name order.
press alt+3 "| Đảng viên"
xdotool mousemove $((win_x + 517)) $((win_y + 297)) click 1  # the first row: the keyboard in the list
sleep 0.8
byName=$(first_row)
[ -n "$byName" ] || fail "the member list did not take the keyboard (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
sorted_by "Họ và tên ▲"
heading 498  # Mã
byCode=$(first_row)
sorted_by "Mã ▲"
[ "${byCode%% *}" = "$(sqlite3 "$tmp/d.db" "SELECT min(code) FROM members WHERE status IN ('active', 'exempt')")" ] ||
  fail "sorted by code, the first row is \"$byCode\""
heading 498
byCodeDown=$(first_row)
sorted_by "Mã ▼"
[[ "${byCodeDown%% *}" > "${byCode%% *}" ]] || fail "sorted by code the other way, the first row is \"$byCodeDown\""
shot members-sorted-code-down
heading 1007  # Ngày sinh
byBirth=$(first_row)
[ "$byBirth" != "$byCodeDown" ] || fail "sorting by the date of birth left \"$byBirth\" first"
heading 597  # Họ và tên
[ "$(first_row)" = "$byName" ] || fail "sorted by name again, the first row is not \"$byName\""
sorted_by "Họ và tên ▲"
ok "the headings sort the list: by name \"$byName\", by code \"$byCode\", the other way \"$byCodeDown\", by birth \"$byBirth\""
xdotool mousemove 2 2

key alt+3
key ctrl+f
type_text pan 60
sleep 1
windows 1 || fail "a second window (an error message?) opened while searching"
shot members-pan
ok "typed \"pan\" into the search of the members page"

key Return
windows 2 || fail "Return in the search did not open the member form"
ok "Return opened the member form"
key ctrl+Next
sleep 0.5
shot member-history
key Escape
windows 1 || fail "Esc did not close the unchanged member form"
ok "Esc closed the member form"

# A file dialog listing the register's folder (GTK opens each file there to guess its type, which drops the
# window's SQLite locks), cancelled: the window holds its locks again, so the sqlite3 program reading beside it
# leaves the WAL alone, and the change below goes where every reader reads it.
# The process holding SQLite's shared lock on the register, as another process sees it (0: none), or with
# FILE-shm 128 its hold on the -shm (UNIX_SHM_DMS: a program finding it free truncates the -shm). -1 is the
# same lock held apart by the window where no close of its process drops it (core::platform::HeldReadLock).
lock_holder() {
  python3 -c 'import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDWR)
t, _, _, _, p = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack("hhqqi", fcntl.F_WRLCK, 0, int(sys.argv[2]), int(sys.argv[3]), 0)))
print(p if t == fcntl.F_RDLCK else 0)' "${1:-$tmp/d.db}" "${2:-$((0x40000002))}" "${3:-510}"
}
[ "$(lock_holder)" = "$pid" ] || fail "the window does not hold its lock on the register"
key ctrl+e
windows 2 || fail "Ctrl+E did not ask the day of the register"
focus_newest
key Return
windows 2 || fail "the day given, no export dialog opened"
focus_newest
key ctrl+a
type_text "$tmp/" 30
key Return  # the dialog lists the register's folder
sleep 1
shot export-dialog
key Escape
windows 1 || { key Escape && windows 1; } || fail "Esc did not cancel the export dialog"
xdotool windowfocus --sync "$wid" 2>/dev/null
for _ in $(seq 1 25); do [ "$(lock_holder)" = "$pid" ] && break; sleep 0.2; done
[ "$(lock_holder)" = "$pid" ] || fail "the window does not hold its lock on the register after the dialog"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM members")" -gt 0 ] || fail "sqlite3 could not read the register"
[ -e "$tmp/d.db-wal" ] || fail "sqlite3 deleted the WAL of the window after its file dialog"
ok "after a cancelled file dialog in its folder, sqlite3 read the register and left the window's WAL"

# A change asks its reason, with the buttons Hủy and Đồng ý (never GTK's OK or Thôi), and refuses an empty one.
press Return "/ Đảng viên / |"
code=$(sqlite3 "$tmp/d.db" "SELECT code FROM members WHERE search_key LIKE '%pan%' ORDER BY sort_key, code LIMIT 1")
key End
type_text " Một"
press ctrl+s "/ Lý do sửa đổi / |"
press Tab '| focus button "Hủy"'
press Tab '| focus button "Đồng ý"'
press Return "/ Đảng viên / |"  # the empty reason: refused with a message
mark_state
key Return
wait_state "/ Lý do sửa đổi / |" || fail "after an empty reason the reason was not asked again"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE action = 'member.update'")" = 0 ] ||
  fail "the change was saved with an empty reason"
type_text "Sửa tên thử"
press Return "Một\""  # the form closed, its member selected in the list
[ "$(sqlite3 "$tmp/d.db" "SELECT reason FROM audit_log WHERE action = 'member.update' AND record = 'member:$code'")" = "Sửa tên thử" ] ||
  fail "the change of $code was not saved with its reason"
ok "the change of $code asked its reason (Hủy, Đồng ý), refused an empty one, and was saved with \"Sửa tên thử\""

# Ctrl+P prints a paper of the member selected: the list of papers, the member card first, saved as PDF.
key ctrl+p
windows 2 || fail "Ctrl+P did not offer the papers of the selected member"
focus_newest
shot member-papers
key Return  # the first paper: Phiếu đảng viên
windows 2 || fail "choosing the member card did not ask where to save it"
focus_newest
key ctrl+a
type_text "$tmp/phieu.pdf" 30
key Return
windows 2 || fail "saving the member card ended in no message"
focus_newest
key Return
windows 1 || fail "the message after saving the member card did not close"
pdftotext "$tmp/phieu.pdf" - 2>/dev/null | grep -q "PHIẾU ĐẢNG VIÊN" || fail "the saved file is not the member card"
ok "Ctrl+P saved the selected member's card as PDF"
xdotool windowfocus --sync "$wid" 2>/dev/null  # no window manager gives the focus back
# GTK's file dialog guesses the types of the files it lists on threads that may end after the window has
# reconnected: their closes drop SQLite's locks again. The window's hold on its -shm must stay, or the next
# program opening the register truncates the -shm under the window's map (a SIGBUS seen twice here).
sleep 1
case "$(lock_holder "$tmp/d.db-shm" 128 1)" in
  "$pid" | -1) ok "after the paper's file dialog, the window still holds its -shm" ;;
  *) fail "after the paper's file dialog, the window no longer holds its -shm (another program would truncate it)" ;;
esac
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE action = 'member.update'")" = 1 ] ||
  fail "sqlite3 could not read the register beside the window"

before=$(sha256sum "$tmp/d.db" | cut -d' ' -f1)
key ctrl+i
windows 2 || fail "Ctrl+I did not open the import wizard"
type_text "$tmp/import" 30
key Return
sleep 1.5
windows 2 || fail "reading the import folder opened another window (an error message?)"
key ctrl+Prior  # from the problems back to the rows with their actions
shot import-wizard
key Escape
windows 1 || fail "Esc did not close the import wizard"
after=$(sha256sum "$tmp/d.db" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "the register changed although the import was refused"
ok "the import wizard showed the plan and wrote nothing"

quit_app
echo "$passed passed, $failed failed"

#!/usr/bin/env bash
# GUI flow: every page and the main dialogs of the demo at a screen size, failing on a clipped text:
#   tests/gui/layout_tour.sh <path to dangbo> <path to dangbo-cli> [WIDTHxHEIGHT, default 1024x768]
# dangbo runs with DANGBO_LAYOUT_CHECK=1: it logs every label, button, check box or choice shown smaller than
# its best size, and writes its state (windows, page, focus) that the flow waits on instead of sleeping. Visits
# the twelve pages (Alt+1..9, a click on the last three), opens the dialogs of Ctrl+N on the pages that add
# (organization, member, candidate; in the member and candidate forms Tab goes down each column, then the
# next), Tools > User accounts and Audit trail, and File > Import; then checks that the
# window comes back at the size and place it was closed at. Screenshots: tour-SIZE-*.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  size=${3:-1024x768}
  outer_setup layout_tour "$1" "$2"
  DANGBO_FLOW_INNER=1 DANGBO_TOUR_SIZE=$size "$(dirname "$0")/xvfb.sh" "$size" "$0" "$app"
  exit $?
fi

# --- inside the X server ---
size=$DANGBO_TOUR_SIZE
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1

# A state line with exactly N windows of dangbo shown.
windows_re() { printf '^state: ([^|]* / ){%d}\\|' "$1"; }
# wait_windows N: waits for a state with N shown windows.
wait_windows() {
  for _ in $(seq 1 100); do
    grep '^state: ' "$tmp/app.out" 2>/dev/null | tail -n +$((${state_mark:-0} + 1)) | grep -qE "$(windows_re "$1")" &&
      { mark_state; return 0; }
    sleep 0.1
  done
  return 1
}
# inside_screen NAME: the newest window of dangbo (the dialog NAME) lies wholly on the screen, no edge past it.
inside_screen() {
  local w last=""
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    [ "$w" != "$wid" ] && last=$w
  done
  eval "$(xdotool getwindowgeometry --shell "$last")"
  [ "$X" -ge 0 ] && [ "$Y" -ge 0 ] && [ $((X + WIDTH)) -le "${size%x*}" ] && [ $((Y + HEIGHT)) -le "${size#*x}" ] ||
    fail "the dialog $1 at ${X},${Y} (${WIDTH}x$HEIGHT) goes past the edges of the $size screen"
}
# dialog KEYS NAME [CHECK]: on the page shown, KEYS opens a dialog (screenshot NAME), the function CHECK (if
# given) looks into it, Esc closes it.
dialog() {
  mark_state
  # shellcheck disable=SC2086  # several keys, on purpose
  xdotool key --clearmodifiers $1
  wait_windows 2 || fail "$1 did not open a dialog (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
  focus_newest
  inside_screen "$2"
  [ -n "${3:-}" ] && "$3"
  shot "tour-$size-$2"
  ok "$2: $(grep '^state: ' "$tmp/app.out" | tail -1 | sed 's/^state: //')"
  mark_state
  xdotool key --clearmodifiers Escape
  wait_windows 1 || fail "Esc did not close the dialog of $2"
  xdotool windowfocus --sync "$wid" 2>/dev/null
}

# tab_order KEYS NAME...: KEYS opens a form; each Tab must then bring the keyboard to the next NAME, down each
# column of the form and then the next ("-": a drop-down list or the arrow of a combo box, which the state lines
# cannot name); Esc closes it.
tab_order() {
  local keys=$1 name
  shift
  mark_state
  # shellcheck disable=SC2086  # several keys, on purpose
  xdotool key --clearmodifiers $keys
  wait_windows 2 || fail "$keys did not open a form"
  focus_newest
  for name in "$@"; do
    mark_state
    xdotool key --clearmodifiers Tab
    if [ "$name" = - ]; then
      sleep 0.8
      grep '^state: ' "$tmp/app.out" | tail -1 | grep -q '| focus ' &&
        fail "Tab went to $(grep '^state: ' "$tmp/app.out" | tail -1 | sed 's/.*| focus //'), not to a drop-down list"
    else
      wait_state "| focus $name \"" 5 ||
        fail "Tab did not go on to $name (last: $(grep '^state: ' "$tmp/app.out" | tail -1 | sed 's/.*| //'))"
    fi
  done
  ok "Tab goes down each column of the form, then the next: $*"
  mark_state
  xdotool key --clearmodifiers Escape
  wait_windows 1 || fail "Esc did not close the form of $keys"
  xdotool windowfocus --sync "$wid" 2>/dev/null
}

# audit_words: the audit trail's newest row (the demo's) in words and in Vietnam's time, 7 hours past the UTC the
# register stores.
audit_words() {
  local at
  for _ in 1 2 3 4 5 6 7; do
    grep '^state: ' "$tmp/app.out" | tail -1 | grep -q '| focus list "' && break
    xdotool key --clearmodifiers Tab
    sleep 0.3
  done
  mark_state
  xdotool key --clearmodifiers Home
  at=$(sqlite3 "$tmp/d.db" "SELECT strftime('%d/%m/%Y %H:%M:%S', at, '+7 hours') FROM audit_log WHERE action = 'demo'")
  wait_state "| focus list \"2 / $at / office / Tạo sổ mẫu / Sổ đảng viên / " ||
    fail "the audit trail's newest row is not the demo's at $at in words (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
  ok "the audit trail says \"Tạo sổ mẫu\" of \"Sổ đảng viên\" at $at, Vietnam's time"
}

export TZ=Asia/Ho_Chi_Minh  # the office's time zone (the register stores UTC)
start_app "$tmp/d.db"
wait_state "| Tổng quan" 20 || fail "the overview did not show"
pages=("Tổng quan" "Tổ chức đảng" "Đảng viên" "Kết nạp" "Đánh giá xếp loại" "Kiểm tra - Kỷ luật" "Báo cáo" "Cài đặt"
  "Sinh hoạt, đảng phí" "Huy hiệu Đảng" "Thống kê" "Giới thiệu sinh hoạt" "Phiếu bổ sung")
for i in 1 2 3 4 5 6 7 8 9; do
  press "alt+$i" "| ${pages[$((i - 1))]}"
  [ "$i" = 7 ] && sleep 3  # the congress report is made in the background before its preview shows
  shot "tour-$size-page$i"
done
# The pages past the ninth have no Alt key: a click on their title (rows 24 pixels high from 47 below the top).
eval "$(xdotool getwindowgeometry --shell "$wid")"
for i in 10 11 12 13; do
  mark_state
  xdotool mousemove $((X + 60)) $((Y + 47 + 24 * (i - 1))) click 1 mousemove 2 2
  wait_state "| ${pages[$((i - 1))]}" || fail "a click on the page ${pages[$((i - 1))]} did not show it"
  shot "tour-$size-page$i"
done

# A click on a heading sorts the list; the heading then shows an arrow, another click turns it.
press alt+2 "| Tổ chức đảng"
eval "$(xdotool getwindowgeometry --shell "$wid")"
for arrow in ▲ ▼; do
  mark_state
  xdotool mousemove $((X + 330)) $((Y + 252)) click 1 mousemove $((X + 330)) $((Y + 276)) click 1 mousemove 2 2
  wait_state "| sorted Tên $arrow | focus" || fail "the heading clicked does not show \"Tên $arrow\" (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
done
sleep 0.5  # the heading repainted
shot "tour-$size-organizations-sorted"
ok "the organizations list sorted by its name heading shows the order: Tên ▲, then Tên ▼"
dialog ctrl+n organization
press alt+3 "| Đảng viên"
dialog ctrl+n member
press alt+4 "| Kết nạp"
dialog ctrl+n candidate
# The keyboard's order in the member and candidate forms (from the full name, and from the code).
press alt+3 "| Đảng viên"
tab_order ctrl+n - ethnicity - hometown religion phone - occupation - admittedOn officialOn transferredInOn fileNo \
  decisionNo ceremonyOn cardNo transferredInFrom
press alt+4 "| Kết nạp"
tab_order ctrl+n birthDate ethnicity - cccd residence education fullName - religion - occupation listedOn
press alt+1 "| Tổng quan"
# Ctrl+N adds a record of the page shown, nothing else: on the overview no window opens (never a new register).
xdotool key --clearmodifiers ctrl+n
sleep 1
[ "$(visible)" -eq 1 ] || fail "Ctrl+N on the overview opened a window ($(visible) windows shown)"
ok "Ctrl+N on the overview, which adds nothing, opened no window"
dialog "alt+c t" accounts
dialog "alt+c n" audit audit_words
dialog ctrl+i import
layout_clean

# The window comes back as it was closed (size and place), kept in the configuration.
xdotool windowsize --sync "$wid" 900 640 2>/dev/null
xdotool windowmove --sync "$wid" 40 30 2>/dev/null
sleep 0.5
quit_app
start_app "$tmp/d.db"
eval "$(xdotool getwindowgeometry --shell "$wid")"
[ "$WIDTH" = 900 ] && [ "$HEIGHT" = 640 ] || fail "the window opened at ${WIDTH}x$HEIGHT, not at the 900x640 it was closed at"
ok "the window reopened at the size it was closed at (${WIDTH}x$HEIGHT)"
quit_app

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

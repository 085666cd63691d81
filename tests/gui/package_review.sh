#!/usr/bin/env bash
# The round trip of a cell package through the window, under Xvfb, driven by xdotool:
#   tests/gui/package_review.sh <path to dangbo> <path to dangbo-cli>
# The office (demo register) exports a cell package with the CLI. On the secretary's laptop the window opens it
# (File > Open a cell package, Ctrl+Shift+K): cell mode, with its banner. The secretary edits a member with the
# keyboard (residence, phone, occupation) and saves the change package (Ctrl+Shift+S). Meanwhile the office
# changes the same residence and occupation (CLI import). In the office window: Import a change package
# (Ctrl+Shift+I), the review lists three changes with two conflicts; the residence keeps the office's value
# (Ctrl+G), the occupation takes the cell's (Ctrl+L); Ctrl+Enter applies. Checks that exactly the accepted
# values are in the office file, that the CLI's package apply is refused while the window holds the file, and
# that the package is not applied twice. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}:
# package-cell-mode.png, package-cell-edit.png, package-unsent.png, package-review.png, package-review-resolved.png,
# package-applied.png, package-result.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$1") cli=$(realpath "$2")
  for tool in Xvfb xdotool xmodmap import sqlite3; do
    command -v "$tool" >/dev/null || { echo "package_review: $tool is not installed" >&2; exit 1; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export DANGBO_FLOW_TMP=$tmp DANGBO_FLOW_OUT=${DANGBO_SCREENSHOT_DIR:-$tmp} DANGBO_FLOW_CLI=$cli
  mkdir -p "$DANGBO_FLOW_OUT"
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data GSETTINGS_BACKEND=memory
  die() { echo "FAIL: $1" >&2; [ -s "$tmp/cli.err" ] && cat "$tmp/cli.err" >&2; echo "0 passed, 1 failed"; exit 1; }
  "$cli" --db "$tmp/office.db" demo --seed 1 >"$tmp/cli.out" 2>"$tmp/cli.err" || die "demo register"
  . "$(dirname "$0")/lib.sh"
  cell=$(sqlite3_waiting "$tmp/office.db" "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id \
         WHERE m.status = 'active' GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1")
  echo "matkhau-2026" >"$tmp/pass"
  "$cli" --db "$tmp/office.db" package export --cell "$cell" --out "$tmp/cell.dbgoi" --passphrase-fd 3 3<"$tmp/pass" \
    >>"$tmp/cli.out" 2>"$tmp/cli.err" || die "package export"
  # The secretary's laptop starts with a register of its own.
  "$cli" --db "$tmp/laptop.db" init --committee "Máy của bí thư chi bộ" >>"$tmp/cli.out" 2>"$tmp/cli.err" \
    || die "laptop register"
  # The member edited: the cell's first active member (a name the search finds alone).
  sqlite3_waiting -separator '|' "$tmp/office.db" "SELECT m.id, m.full_name FROM members m JOIN organizations o ON \
    o.id = m.cell_id WHERE o.code = '$cell' AND m.status = 'active' AND (SELECT count(*) FROM members n WHERE \
    n.full_name = m.full_name) = 1 ORDER BY m.id LIMIT 1" >"$tmp/member" || die "no member to edit"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
IFS='|' read -r mid mname <"$tmp/member"
value() { sqlite3_waiting "$1" "SELECT $2 FROM members WHERE id = $mid"; }
# The newest window of dangbo, focused: without a window manager a dialog does not get the keyboard by itself.
focus_top() {
  local w
  w=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -1)
  [ -n "$w" ] && xdotool windowfocus --sync "$w" 2>/dev/null
  sleep 0.3
}
tabs() { for _ in $(seq "$1"); do xdotool key --clearmodifiers Tab; sleep 0.15; done; }

# --- The secretary's laptop: open the cell package, edit a member, save the change package.
start_app "$tmp/laptop.db"
ok "the window opened on the laptop's register"
key ctrl+shift+k
windows 2 || fail "File > Open a cell package (Ctrl+Shift+K) did not open the file chooser"
focus_top
type_text "$tmp/cell.dbgoi" 30
sleep 0.5
key Return
windows 2 || fail "choosing the cell package did not ask for the passphrase"
focus_top
type_text "matkhau-2026" 30
key Return
windows 2 || fail "the passphrase did not lead to the choice of the cell's register file"
focus_top
key Return  # the proposed file: cell.db beside the package
windows 1 || fail "the cell's register was not opened (an error message?)"
[ -s "$tmp/cell.db" ] || fail "the cell's register was not made at $tmp/cell.db"
[ -n "$(sqlite3_waiting "$tmp/cell.db" "SELECT exported_at FROM cell_origin WHERE cell_name <> ''")" ] \
  || fail "the cell's register does not record the export it came from"
sleep 1
shot package-cell-mode
ok "the window shows the cell package in cell mode"

xdotool windowfocus --sync "$wid" 2>/dev/null
key alt+3
type_text "$mname" 50
sleep 1
key Return
windows 2 || fail "Return in the search did not open the member form of $mname"
focus_top
# Tab goes down each column of the form: from the full name (focused when the form opens, top of the right
# column) 4 Shift+Tabs back to the residence (left column), 4 Tabs to the full name again, 6 more to the
# phone (the ethnic group's combo box takes two), 2 more to the occupation.
for _ in 1 2 3 4; do xdotool key --clearmodifiers shift+Tab; sleep 0.15; done
key ctrl+a
type_text "Bản Nà Ớt" 40
tabs 10
key ctrl+a
type_text "0912345678" 40
tabs 2
key ctrl+a
type_text "Giáo viên" 40
sleep 0.5
shot package-cell-edit
key ctrl+s
windows 3 || fail "Ctrl+S in the member form did not ask for the reason"
focus_top
type_text "Bí thư chi bộ cập nhật hồ sơ" 30
key Return
windows 1 || fail "saving the member form did not close it (an error message?)"
[ "$(value "$tmp/cell.db" residence)|$(value "$tmp/cell.db" phone)|$(value "$tmp/cell.db" occupation)" = \
  "Bản Nà Ớt|0912345678|Giáo viên" ] || fail "the member's edits are not in the cell's register"
ok "the member was edited with the keyboard in cell mode"

# A training recorded in the cell (written straight into the cell's file): a change package cannot carry
# it, so saving first names it and asks; it stays in the cell's file.
course="Lớp bồi dưỡng lý luận chính trị (chi bộ ghi)"
sqlite3_waiting "$tmp/cell.db" "INSERT INTO trainings (member_id, year, course) VALUES ($mid, 2026, '$course')" \
  || fail "the training could not be written into the cell's file"
xdotool windowfocus --sync "$wid" 2>/dev/null
key ctrl+shift+s
windows 2 || fail "Ctrl+Shift+S did not name the change the package cannot carry"
sleep 0.5
shot package-unsent
confirm_right  # "Save the other changes"
windows 2 || fail "Ctrl+Shift+S did not ask for the secretary's name"
focus_top
key ctrl+a
type_text "Lò Văn Thắng" 30
key Return
windows 2 || fail "the secretary's name did not lead to the file chooser"
focus_top
key ctrl+a
type_text "$tmp/cell.dbgthd" 30
key Return
for _ in 1 2; do  # the passphrase, twice
  windows 2 || fail "saving the change package did not ask for the passphrase"
  focus_top
  type_text "matkhau-2026" 30
  key Return
done
windows 2 || fail "saving the change package did not tell where it was saved"
focus_top
key Return
windows 1 || fail "the message of the saved change package did not close"
[ -s "$tmp/cell.dbgthd" ] || fail "no change package at $tmp/cell.dbgthd"
ok "the change package was saved from the window"
quit_app

# --- Meanwhile at the office: the same residence and occupation changed (an import of one member row).
mkdir -p "$tmp/import"
code=$(sqlite3_waiting "$tmp/office.db" "SELECT code FROM members WHERE id = $mid")
{
  printf '\xef\xbb\xbf'
  echo 'Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên môn,Lý luận chính trị,"Nghề nghiệp, chức vụ",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Số lý lịch,Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng'
  echo "$code,,,,,,,Bản Hua Tát,,,,,Cán bộ xã,,,,,,,,"
} >"$tmp/import/dang_vien.csv"
"$cli" --db "$tmp/office.db" import "$tmp/import" >"$tmp/cli.out" 2>&1 || fail "the office's import failed: $(cat "$tmp/cli.out")"
[ "$(value "$tmp/office.db" occupation)" = "Cán bộ xã" ] || fail "the office's change was not imported"
phone_before=$(value "$tmp/office.db" phone)
ok "the office changed the same residence and occupation"

# --- The office window: review, resolve one conflict each way, apply.
export TZ=Asia/Ho_Chi_Minh DANGBO_LAYOUT_CHECK=1  # the office's time zone; "state:" lines name the summary
start_app "$tmp/office.db"
"$cli" --db "$tmp/office.db" package apply "$tmp/cell.dbgthd" --accept-cell --passphrase-fd 3 3<"$tmp/pass" \
  >"$tmp/cli.out" 2>&1 && fail "dangbo-cli package apply wrote while the window held the register"
[ "$(value "$tmp/office.db" phone)" = "$phone_before" ] || fail "the refused CLI apply changed the register"
ok "dangbo-cli package apply is refused while the window holds the register"
key ctrl+shift+i
windows 2 || fail "File > Import a change package did not open the file chooser"
focus_top
type_text "$tmp/cell.dbgthd" 30
sleep 0.5
key Return
windows 2 || fail "choosing the change package did not ask for the passphrase"
focus_top
type_text "matkhau-2026" 30
key Return
sleep 1.5
windows 2 || fail "the review did not open (an error message?)"
focus_top
shot package-review
ok "the review of the change package opened"
# The time the package was made is the office's (Vietnam, UTC+7), not the UTC the package stores: it was
# saved a minute ago, so its hour is this hour or the last one in Vietnam.
made=$(grep '^state: ' "$tmp/app.out" | grep -o 'lập lúc [0-9/]* [0-9][0-9]' | tail -1)
case "$made" in
  "lập lúc $(date +'%d/%m/%Y %H')" | "lập lúc $(date -d '-1 hour' +'%d/%m/%Y %H')")
    ok "the review says when the package was made in Vietnam's time: $made" ;;
  *) fail "the review's time \"$made\" is not Vietnam's time (now $(date +'%d/%m/%Y %H:%M'), UTC $(date -u +'%H:%M'))" ;;
esac

# The first conflict (the residence) is selected: keep the office's value; the next one (the occupation) is
# selected after it: take the cell's value.
key ctrl+g
key ctrl+l
shot package-review-resolved
key ctrl+Return
windows 3 || fail "applying did not show its result"
shot package-applied
focus_top
key Return
windows 1 || fail "the result message and the review did not close"

[ "$(value "$tmp/office.db" phone)" = "0912345678" ] || fail "the phone changed only in the cell was not applied"
[ "$(value "$tmp/office.db" occupation)" = "Giáo viên" ] || fail "the conflict resolved for the cell was not applied"
[ "$(value "$tmp/office.db" residence)" = "Bản Hua Tát" ] || fail "the conflict resolved for the office was overwritten"
ok "exactly the accepted changes are in the office file"

xdotool windowfocus --sync "$wid" 2>/dev/null
key alt+3
type_text "$mname" 50
sleep 1
key Return
windows 2 || fail "the member form did not open at the office"
sleep 0.5
shot package-result
focus_top
key Escape
windows 1 || fail "Esc did not close the unchanged member form"
quit_app

# The training stayed in the cell's file and did not reach the office.
[ "$(sqlite3_waiting "$tmp/office.db" "SELECT count(*) FROM trainings WHERE course = '$course'")" = 0 ] \
  || fail "the training recorded in the cell reached the office"
[ "$(sqlite3_waiting "$tmp/cell.db" "SELECT count(*) FROM trainings WHERE course = '$course'")" = 1 ] \
  || fail "the training recorded in the cell is no longer in the cell's file"
ok "the training the package could not carry was named before saving and stayed in the cell's file"

# The CLI sees the same: the audit has exactly the two applied fields, naming the secretary, and the package is
# not applied twice.
"$cli" --db "$tmp/office.db" audit --format json >"$tmp/audit.json" 2>"$tmp/cli.err" || fail "dangbo-cli audit"
applied=$(grep -c '"action": "package.change"' "$tmp/audit.json")
[ "$applied" -eq 2 ] || fail "the audit shows $applied applied changes, not 2"
# The author is the account that applied the package; the secretary it names is a note in the reason.
grep -q '"user": "Lò Văn Thắng"' "$tmp/audit.json" && fail "the audit takes the package's claimed secretary as author"
grep -q '"reason": ".*Lò Văn Thắng' "$tmp/audit.json" || fail "the audit does not name the secretary in a note"
"$cli" --db "$tmp/office.db" package apply "$tmp/cell.dbgthd" --accept-cell --passphrase-fd 3 3<"$tmp/pass" \
  >"$tmp/cli.out" 2>&1 && fail "dangbo-cli applied the change package a second time"
[ "$(value "$tmp/office.db" residence)" = "Bản Hua Tát" ] || fail "the replayed package changed the register"
ok "dangbo-cli: two changes applied from the secretary's package, the package refused a second time"
echo "$passed passed, $failed failed"

#!/usr/bin/env bash
# GUI flow of the merge wizard under Xvfb, driven by xdotool:
#   tests/gui/merge_flow.sh <path to dangbo> <path to dangbo-cli>
# Writes three small former communes as CSV folders (colliding codes; Phiêng Pằn DV03 and Chiềng Lương DV02 are
# the same person, Phiêng Pằn DV01 and Nà Ớt DV01 share name and birth year but are not), opens a new register,
# File > Merge registers of former communes (Ctrl+Shift+M): types the sources and the decision, takes the
# proposed cell map (the two police cells become one), decides the two pairs one by one, looks at the plan and
# merges. Checks the register then holds one member for the same person, the new police cell, the old codes and
# one merge audit row. Screenshots (merge-sources.png, merge-cells.png, merge-pair.png, merge-plan.png,
# merge-done.png, merge-old-code.png,
# merge-reports-by-origin.png) go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}; DANGBO_SCREEN (default 1366x768) sets the screen.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  extra_tools=pdftotext outer_setup merge_flow "$@"
  DANGBO_FLOW_INNER=1 "$(dirname "$0")/xvfb.sh" "${DANGBO_SCREEN:-1366x768}" "$0" "$app" "$cli"
  exit $?
fi

# --- inside the X server ---
app=$1
tmp=$DANGBO_FLOW_TMP
out=$DANGBO_FLOW_OUT
cli=$DANGBO_FLOW_CLI
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1

orgs="Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy"
mem="Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số CCCD,Số thẻ,Số lý lịch,Tình trạng,Ngày thay đổi tình trạng"
row() { echo "$1,$2,$3,$4,Thái,Không,Sơn La,Bản,12/12,khong,chua,Nông dân,$5,$6,$7,$8,$9,,Đang sinh hoạt,"; }
mkdir -p "$tmp/s1" "$tmp/s2" "$tmp/s3"
printf '%s\n%s\n%s\n' "$orgs" "CB01,Chi bộ bản Phiêng Pằn,co_so,ban,2000-01-01,Có" "CB02,Chi bộ Công an xã,co_so,cong_an,2005-01-01,Không" >"$tmp/s1/to_chuc.csv"
{ echo "$mem"; row DV01 "Lò Văn Pằn" 1980 Nam CB01 2010-05-19 2011-05-19 "" 1001
  row DV02 "Quàng Thị Ban" 1990 Nữ CB01 2021-03-02 2022-03-02 "" ""
  row DV03 "Cầm Văn Mới" 1985-04-02 Nam CB02 2022-06-01 2023-06-01 012345678901 ""; } >"$tmp/s1/dang_vien.csv"
printf '%s\n%s\n%s\n' "$orgs" "CB01,Chi bộ bản Lương,co_so,ban,2001-01-01,Có" "CB02,Chi bộ Công an xã,co_so,cong_an,2006-01-01,Không" >"$tmp/s2/to_chuc.csv"
{ echo "$mem"; row DV01 "Hà Văn Lương" 1975 Nam CB01 2005-01-01 2006-01-01 "" 2001
  row DV02 "Cầm Văn Mới" 1985-04-02 Nam CB02 2022-06-01 "" 012345678901 7777; } >"$tmp/s2/dang_vien.csv"
printf '%s\n%s\n' "$orgs" "CB01,Chi bộ bản Nà Ớt,co_so,ban,2002-01-01,Có" >"$tmp/s3/to_chuc.csv"
{ echo "$mem"; row DV01 "Lò Văn Pằn" 1980 Nam CB01 2012-05-19 2013-05-19 "" 3001; } >"$tmp/s3/dang_vien.csv"
"$cli" --db "$tmp/moi.db" init --committee "Đảng bộ xã Phiêng Pằn" >/dev/null 2>&1 || fail "init failed"

start_app "$tmp/moi.db"
ok "the main window appeared"
key ctrl+shift+m
windows 2 || fail "Ctrl+Shift+M did not open the merge wizard"
focus_newest
sleep 0.5
type_text "Phiêng Pằn=$tmp/s1" 20
key Return
type_text "Chiềng Lương=$tmp/s2" 20
key Return
type_text "Nà Ớt=$tmp/s3" 20
for _ in 1 2 3 4; do key Tab; done  # past the two Add buttons and the merge day (01/07/2025) to the decision
type_text "1234/QĐ-TU ngày 20/6/2025" 20
shot merge-sources
key alt+t
windows 2 || fail "reading the sources opened a message (a refusal?)"
shot merge-cells
ok "the sources were read; the cell map is proposed"
key alt+t
shot merge-pair
key alt+k  # pair 1: Phiêng Pằn DV01 / Nà Ớt DV01: different persons
key alt+c  # pair 2: Phiêng Pằn DV03 / Chiềng Lương DV02: the same person
key alt+t
shot merge-plan
ok "the pairs were decided and the plan shown"
key alt+h
for _ in $(seq 1 50); do
  [ "$(visible)" -ge 3 ] && break
  sleep 0.2
done
windows 3 || fail "no message after the merge"
shot merge-done
key Return
windows 1 || fail "the wizard did not close after the merge"

facts=$(sqlite3 "$tmp/moi.db" "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM organizations),
  (SELECT count(*) FROM members WHERE cccd = '012345678901' AND card_no = '7777'),
  (SELECT count(*) FROM organizations WHERE code = 'CBCA' AND founded = '2025-07-01'),
  (SELECT count(*) FROM old_codes WHERE entity = 'member'), (SELECT count(*) FROM audit_log WHERE action = 'register.merge')")
[ "$facts" = "5|6|1|1|6|1" ] || fail "the merged register is not as planned: $facts"
ok "merged: 5 members (one for the same person), 6 cells (the new police cell), 6 old codes, one audit row"
"$cli" --db "$tmp/moi.db" members --search DV03 --as-of 2025-08-01 >"$tmp/found.csv" 2>&1
grep -q "Cầm Văn Mới" "$tmp/found.csv" || fail "the member search does not find the old code DV03"
ok "the member search finds a member by the old code"
# The window's member list: DV03 is Cầm Văn Mới's old code in Phiêng Pằn (the new codes are DV0001...); the
# search lists the member who had it.
press alt+3 "| Đảng viên"
key ctrl+f
type_text DV03 30
sleep 1
windows 1 || fail "a second window (an error message?) opened while searching DV03"
mark_state
xdotool mousemove 700 301 click 1  # the first row of the list (at 1366x768): its row named in the state line
wait_state 'Cầm Văn Mới' || fail "the window's member list does not list Cầm Văn Mới for the old code DV03 (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
shot merge-old-code
ok "the window's member list finds a member by the old code"
# The reports page breaks the congress report down by former commune: the whole, then each of them.
press alt+7 "| Báo cáo"
sleep 4  # the congress report of the whole is previewed (the choices wait meanwhile)
key alt+v  # "Đơn &vị cũ:"
xdotool type --delay 120 "toan dang bo va"
sleep 5  # the whole and each former commune previewed
windows 1 || fail "the report by former commune opened another window (an error message?)"
shot merge-reports-by-origin
# Saved as PDF: the whole report, then each former commune's.
key alt+p  # "Lưu &PDF..."
windows 2 || fail "Save as PDF did not open the file chooser"
focus_newest
key ctrl+a
type_text "$tmp/theo-xa-cu.pdf" 30
key Return
for _ in $(seq 1 50); do
  [ -s "$tmp/theo-xa-cu.pdf" ] && [ "$(visible)" -le 1 ] && break
  sleep 0.2
done
windows 1 || fail "saving the report by former commune left another window open"
pdftotext "$tmp/theo-xa-cu.pdf" - 2>/dev/null | tr -d '\f' | grep -E "^(Đơn vị cũ|Không thuộc đơn vị cũ)" >"$tmp/parts.txt"
[ "$(tr '\n' '|' <"$tmp/parts.txt")" = "Đơn vị cũ Chiềng Lương|Đơn vị cũ Nà Ớt|Đơn vị cũ Phiêng Pằn|Không thuộc đơn vị cũ|" ] ||
  fail "the saved report does not hold the parts of the former communes: $(tr '\n' '|' <"$tmp/parts.txt")"
ok "the reports page makes the congress report by former commune: the whole, then each (saved as PDF)"
layout_clean

quit_app
echo "$passed passed, $failed failed"

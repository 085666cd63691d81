#!/usr/bin/env bash
# GUI flow of the reports page under Xvfb, driven by xdotool:
#   tests/gui/reports_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register, opens the reports page (Alt+7): the congress report, chosen first, is made off
# the window's thread and previewed with its charts; then publishes it (Alt+B, confirmed) and
# checks with dangbo-cli that the register holds the published congress report. Then Save as PDF onto the
# open register's own file: the window refuses (the register stays whole). Last the register report (about
# 1.050 members) saved as PDF: the page shows the progress and a Stop button (Alt+D, "&Dừng"); stopped, a
# message says the file was not written, and no file or *.part is left. Screenshots go to
# ${DANGBO_SCREENSHOT_DIR:-a temp dir}: reports-congress.png, reports-published.png, reports-refused.png,
# reports-progress.png, reports-stopped.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup reports_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1  # the state lines name the report previewed and the report chosen
# Each step of a report being saved held 100 ms: Stop below comes while the register is still being written,
# however fast this machine makes the PDF of the demo's 1.058 rows (a fraction of a second).
export DANGBO_HOLD_SAVE_MS=100

start_app "$tmp/d.db"
ok "the main window appeared"

key alt+7
wait_state '| preview "BÁO CÁO - ' 30 || fail "the congress report was not previewed (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
windows 1 || fail "opening the reports page opened another window (an error message?)"
shot reports-congress
ok "the reports page previewed the congress report"

key alt+b  # "Pu&blish...", "Công &bố..."
windows 2 || fail "Publish did not ask for confirmation"
key alt+c  # "&Công bố" in Vietnamese
[ "$(visible)" -eq 2 ] && key alt+p  # "&Publish" before the catalog has it
windows 1 || fail "confirming did not close the question"
sleep 1
"$cli" --db "$tmp/d.db" report published --format json >"$tmp/published.json" 2>"$tmp/published.err" \
  || fail "dangbo-cli could not list the published reports: $(cat "$tmp/published.err")"
grep -q '"name": "congress"' "$tmp/published.json" || fail "the published congress report is not in the register"
ok "the congress report was published"
shot reports-published

# Save as PDF over the open register: GTK asks whether to replace the file (agreed), the window refuses.
members_before=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM members")
xdotool windowfocus --sync "$wid" 2>/dev/null
key alt+p  # "Lưu &PDF..."
windows 2 || fail "Save as PDF did not open the file chooser"
focus_newest
key ctrl+a
type_text "$tmp/d.db" 30
key Return
if windows 3; then confirm_right; fi  # GTK: "replace the existing file?"
windows 2 || fail "saving over the register did not end in a message"
shot reports-refused
focus_newest
key Return
windows 1 || fail "the refusal did not close"
[ "$(head -c 15 "$tmp/d.db")" = "SQLite format 3" ] || fail "the report was written over the register"
[ "$(sqlite3 "$tmp/d.db" "PRAGMA integrity_check")" = ok ] || fail "the register is damaged"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM members")" = "$members_before" ] || fail "the register changed"
ok "a report saved over the open register is refused; the register is whole"

# The register report: chosen by typing in the report list (Alt+O), previewed, saved as PDF and stopped.
xdotool windowfocus --sync "$wid" 2>/dev/null
key alt+o  # "Bá&o cáo:"
xdotool type --delay 120 "so danh"
# The register of about 1.050 members is made and previewed; meanwhile no other report's preview stays shown.
wait_state '| preview "Sổ danh sách đảng viên - ' 30 || fail "the register report was not previewed"
stale=$(grep '^state: ' "$tmp/app.out" | grep '| preview "BÁO CÁO - ' | grep '| focus report "' |
  grep -v '| focus report "Báo cáo Đại hội' | head -1)
[ -z "$stale" ] || fail "another report was chosen while the congress report's preview stayed: $stale"
ok "choosing the register report replaced the congress report's preview"
windows 1 || fail "choosing the register report opened another window (an error message?)"
key alt+p
windows 2 || fail "Save as PDF did not open the file chooser"
focus_newest
key ctrl+a
type_text "$tmp/so-danh-sach.pdf" 30
# The PDF's steps are held (DANGBO_HOLD_SAVE_MS): the screenshot and Stop follow the key at once.
xdotool key --clearmodifiers Return
for _ in $(seq 1 100); do  # the file chooser closes: the work starts
  [ "$(visible)" -eq 1 ] && break
  sleep 0.05
done
sleep 0.3  # the page repainted where the chooser was
xdotool windowfocus --sync "$wid" 2>/dev/null
shot reports-progress  # the pages are being laid out: the gauge and Stop beside the status line
xdotool key --clearmodifiers alt+d  # "&Dừng"
windows 2 || fail "Stop did not end in a message (the report may have been saved first)"
shot reports-stopped
focus_newest
key Return
windows 1 || fail "the message after Stop did not close"
[ -e "$tmp/so-danh-sach.pdf" ] && fail "the stopped report left its file"
ls -A "$tmp" | grep -q '\.part$' && fail "the stopped report left a part file: $(ls -A "$tmp" | grep '\.part$')"
ok "the stopped report left no file and no part file"

quit_app
echo "$passed passed, $failed failed"

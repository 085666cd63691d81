#!/usr/bin/env bash
# GUI flow of the closing block and the office's report template under Xvfb, driven by xdotool:
#   tests/gui/template_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register (its committee has a signer and recipients), shows the settings page with the
# signature fields (settings-signature.png), then on the reports page presses "Edit the template" (Alt+U):
# the congress template is copied beside the register (mau-bao-cao/congress.txt) and handed to the system's
# editor (or named in a message when there is none). One sentence changed in that copy then changes the
# congress report that dangbo-cli prints. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup template_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
# No desktop here: the system's editor must not be started by the test.
export BROWSER=true
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexit 1\n' >"$tmp/bin/xdg-open"
chmod +x "$tmp/bin/xdg-open"
export PATH="$tmp/bin:$PATH"

start_app "$tmp/d.db"
ok "the main window appeared"

key alt+8
sleep 1
windows 1 || fail "the settings page opened another window"
shot settings-signature
ok "the settings page shows the committee's identity and signature"

key alt+7
sleep 4  # the congress report is made and previewed
windows 1 || fail "opening the reports page opened another window (an error message?)"
[ -e "$tmp/mau-bao-cao/congress.txt" ] && fail "the template was copied before it was asked for"
key alt+u  # "Edit the te&mplate..." / "Sửa mẫ&u báo cáo..."
sleep 1
[ "$(visible)" -eq 2 ] && { shot template-message; key Return; }
windows 1 || fail "the message about the template did not close"
[ -s "$tmp/mau-bao-cao/congress.txt" ] || fail "the template was not copied beside the register"
ok "the congress template was copied to mau-bao-cao/congress.txt"

sentence="Thực hiện tốt việc kiểm điểm tự phê bình, phê bình và đánh giá, xếp loại chất lượng hằng năm."
grep -qF "$sentence" "$tmp/mau-bao-cao/congress.txt" || fail "the copy lacks the default's sentence"
sed -i "s/$sentence/Câu này do văn phòng viết lại./" "$tmp/mau-bao-cao/congress.txt"
"$cli" --db "$tmp/d.db" report congress --from 2020-08-01 --to 2025-07-31 --format html >"$tmp/c.html" \
  2>"$tmp/c.err" || fail "dangbo-cli could not print the congress report: $(cat "$tmp/c.err")"
grep -q "Câu này do văn phòng viết lại." "$tmp/c.html" || fail "the office's sentence is not in the report"
ok "the office's copy of the template changes the printed report"

quit_app
echo "$passed passed, $failed failed"

#!/usr/bin/env bash
# GUI flow of the reports page under Xvfb, driven by xdotool:
#   tests/gui/reports_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register, opens the reports page (Alt+7): the congress report, chosen first, is made off
# the window's thread and previewed with its charts; then publishes it (Alt+B, confirmed) and
# checks with dangbo-cli that the register holds the published congress report. Screenshots go to
# ${DANGBO_SCREENSHOT_DIR:-a temp dir}: reports-congress.png, reports-published.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup reports_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"

start_app "$tmp/d.db"
ok "the main window appeared"

key alt+7
sleep 4  # the congress report is made and previewed
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

quit_app
echo "$passed passed, $failed failed"

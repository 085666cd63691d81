#!/usr/bin/env bash
# GUI flow of the inspection and discipline page under Xvfb, driven by xdotool:
#   tests/gui/discipline_flow.sh <path to dangbo> <path to dangbo-cli>
# On a demo register without accounts the window's user is the local administrator: page 6 (Alt+6) shows
# the figures and the services' refusal instead of the case files (discipline-admin.png). Then accounts
# are added (an administrator and an inspection-committee member); logged in as the inspection committee,
# page 6 shows the case list with the timeline of the selected case (discipline-cases.png), the next case's
# timeline (discipline-timeline.png), the decisions (discipline-decisions.png) and the annual plan
# (discipline-plan.png). Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup discipline_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
start() { start_app "$tmp/d.db"; }  # start: dangbo on the register, its first window focused
stop() {
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=
}
title() { xdotool getwindowname "$(xdotool search --onlyvisible --pid "$pid" | head -1)"; }

# --- the local administrator: figures and the refusal, no case file ---
start
ok "the main window appeared"
key alt+6
sleep 1
windows 1 || fail "page 6 opened another window (an error message?) for the administrator"
shot discipline-admin
ok "the administrator sees the discipline figures and the refusal of the case files"
stop

# --- accounts, then the inspection committee ---
echo mat-khau-quan-tri | "$cli" --db "$tmp/d.db" user add quantri --role admin --full-name "Lò Văn Quản" \
  --password-fd 0 2>>"$tmp/cli.err" || fail "dangbo-cli could not add the administrator"
printf 'mat-khau-quan-tri\nmat-khau-kiem-tra\n' | "$cli" --db "$tmp/d.db" --user quantri --password-fd 0 \
  user add kiemtra --role inspection --full-name "Hà Thị Kiểm" 2>>"$tmp/cli.err" \
  || fail "dangbo-cli could not add the inspection account"
ok "accounts added"

start
windows 1 || fail "the login dialog did not appear"
type_text kiemtra 40
key Tab
type_text mat-khau-kiem-tra 40
key Return
sleep 2
case "$(title)" in dangbo*) ok "the inspection committee logged in" ;; *) fail "the login did not open the register" ;; esac
wid=$(xdotool search --onlyvisible --pid "$pid" | head -1)  # the main window, after the login dialog
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
xdotool mousemove 2 2
key alt+6
sleep 1
windows 1 || fail "page 6 opened another window (an error message?) for the inspection committee"
shot discipline-cases
ok "the inspection committee sees the case list and the timeline of the latest case"
key Down
key Down
sleep 0.5
windows 1 || fail "moving in the case list opened another window"
shot discipline-timeline
ok "the timeline follows the selected case"
key ctrl+Next
sleep 0.5
shot discipline-decisions
key ctrl+Next
key ctrl+Next
sleep 0.5
windows 1 || fail "switching tabs opened another window"
shot discipline-plan
ok "the decisions and the annual plan tabs"
stop
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

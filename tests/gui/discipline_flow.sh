#!/usr/bin/env bash
# GUI flow of the inspection and discipline page under Xvfb, driven by xdotool:
#   tests/gui/discipline_flow.sh <path to dangbo> <path to dangbo-cli>
# On a demo register without accounts the window's user is the local administrator: page 6 (Alt+6) shows
# the figures and the services' refusal instead of the case files, with the hint of who may open them and
# where that account is made (discipline-admin.png). Then accounts
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
export DANGBO_LAYOUT_CHECK=1  # the "state:" lines name the page's refusal and hint (' | note "..."')
start() { start_app "$tmp/d.db"; state_mark=0; }  # start: dangbo on the register, its first window focused
hint="Để xem, hãy đăng nhập bằng tài khoản của Ủy ban Kiểm tra; quản trị viên tạo tài khoản này ở Công cụ > Tài khoản người dùng."
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
wait_state "Kiểm tra - Kỷ luật | note \"" || fail "page 6 shows the administrator no note on the case files"
grep '^state: ' "$tmp/app.out" | tail -1 | grep -qF "$hint" ||
  fail "the note does not say who may open the case files and where the account is made: $(tail -1 "$tmp/app.out")"
ok "the note says to log in as the inspection committee, whose account is made in Tools > User accounts"
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
wait_state "| Kiểm tra - Kỷ luật |" || fail "page 6 did not show for the inspection committee"
if grep '^state: ' "$tmp/app.out" | tail -1 | grep -qF 'note "'; then
  fail "the inspection committee is still shown the refusal: $(grep '^state: ' "$tmp/app.out" | tail -1)"
fi
ok "the inspection committee is shown no refusal"
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

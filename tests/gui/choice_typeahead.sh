#!/usr/bin/env bash
# GUI flow of type-ahead in a drop-down list under Xvfb, driven by xdotool:
#   tests/gui/choice_typeahead.sh <path to dangbo> <path to dangbo-cli>
# On the admissions page the keyboard goes to the cell list (closed); typing "cb12" selects cell CB12,
# typing "na ot" a moment later selects the first cell whose name contains "Nà Ớt" (no tones typed), and the
# board follows the chosen cell. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}: typeahead-code.png,
# typeahead-name.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup choice_typeahead "$@"
  DANGBO_FLOW_INNER=1 "$(dirname "$0")/xvfb.sh" 1366x768 "$0" "$app" "$cli"
  exit $?
fi

# --- inside the X server ---
app=$1
tmp=$DANGBO_FLOW_TMP
out=$DANGBO_FLOW_OUT
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1

start_app "$tmp/d.db"
xdotool mousemove 1 1
press alt+4 "| Kết nạp"
# Tab through the page to the navigation list; the cell list comes next.
found=0
for _ in $(seq 1 8); do
  mark_state
  xdotool key --clearmodifiers Tab
  wait_state "| focus" 3
  if grep '^state: ' "$tmp/app.out" | tail -1 | grep -q '| focus listBox '; then
    found=1
    break
  fi
done
[ "$found" = 1 ] || fail "Tab did not reach the navigation list (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
# Tab: the banner's button (a register without accounts), then the cell list.
xdotool key --clearmodifiers Tab
sleep 0.5
xdotool key --clearmodifiers Tab
sleep 0.5

mark_state
xdotool type --delay 120 "cb12"
wait_state 'focus cell "CB12' || fail "typing cb12 did not select CB12 (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
shot typeahead-code
ok "Tab reached the closed cell list and typing a code selected its cell"

sleep 2  # a new search
mark_state
xdotool type --delay 120 "na ot"
wait_state 'Nà Ớt"' || fail "typing na ot did not select a cell of Nà Ớt (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
shot typeahead-name
ok "typing a name without tones selected its cell"

quit_app
echo "$passed passed, $failed failed"

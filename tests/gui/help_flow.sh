#!/usr/bin/env bash
# GUI flow of the Help menu under Xvfb, driven by xdotool:
#   tests/gui/help_flow.sh <path to dangbo> <path to dangbo-cli>
# F1 shows the shipped Vietnamese user guide in a window of its own (no browser), Esc closes it; Help > About
# (Alt+G, second item) shows the About box. The main window carries the program's icon. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}:
# help-guide.png, help-about.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup help_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"

start_app "$tmp/d.db"
ok "the main window appeared"
# The window carries the program's icon (drawn from the shipped SVG), the sizes a desktop shows.
icon=$(xprop -id "$wid" _NET_WM_ICON 2>/dev/null | head -c 300)
echo "$icon" | grep -q '_NET_WM_ICON(CARDINAL) = ' || fail "the main window has no icon (xprop: ${icon:0:80})"
ok "the main window has the program's icon"
# The pointer off the overview's tiles, whose tooltips would be counted as windows.
xdotool mousemove 1 1

key F1
windows 2 || fail "F1 did not open the user guide"
shot help-guide
key Escape
windows 1 || fail "Esc did not close the user guide"
ok "F1 showed the user guide and Esc closed it"

key alt+g
xdotool key --clearmodifiers Down Return
sleep 1.5
windows 2 || fail "Help > About did not open the About box"
shot help-about
confirm_right  # its Close button: without a window manager the box does not take the keyboard focus
windows 1 || fail "the Close button did not close the About box"
ok "Help > About opened and closed"

quit_app
echo "$passed passed, $failed failed"

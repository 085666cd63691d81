# Shared helpers of the GUI tests, sourced inside the X server. Expects $tmp (the test's folder),
# $out (where screenshots go) and, once dangbo runs, $pid. Prints "N passed, N failed" on failure.
passed=1 failed=0  # the demo register was created
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL: $1" >&2
  failed=$((failed + 1))
  # What the screen showed when the step failed, for the one reading the log.
  import -window root "$out/failed.png" 2>/dev/null && echo "screen at the failure: $out/failed.png" >&2
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  echo "$passed passed, $failed failed"
  [ -s "$tmp/app.err" ] && { echo "--- dangbo stderr:" >&2; tail -20 "$tmp/app.err" >&2; }
  exit 1
}
shot() {  # shot NAME: screenshot of the whole screen
  import -window root "$out/$1.png" && [ -s "$out/$1.png" ] && ok "screenshot $out/$1.png" \
    || fail "screenshot $1 could not be taken"
}
visible() { xdotool search --onlyvisible --pid "$pid" 2>/dev/null | wc -l; }
# sqlite3 ARGS...: the sqlite3 program on a register the window may be writing (waits up to 5 s for its lock)
sqlite3_waiting() { sqlite3 -cmd '.timeout 5000' "$@"; }
key() { xdotool key --clearmodifiers "$1"; sleep 0.8; }  # key COMBO: one key press, then time to redraw
windows() {  # windows N: waits up to 10 s for N visible windows of dangbo
  for _ in $(seq 1 50); do
    [ "$(visible)" -eq "$1" ] && return 0
    sleep 0.2
  done
  return 1
}
start_app() {  # start_app DB: dangbo ($app) on DB, its main window focused ($pid, $wid)
  "$app" --db "$1" >"$tmp/app.out" 2>"$tmp/app.err" &
  pid=$!
  # One search can end early without a window: xdotool stops on an X error when a window it looks at is
  # destroyed meanwhile (the splash closes within a fraction of a second). So it is asked again until 60 s
  # have passed, unless dangbo has ended.
  local deadline=$((SECONDS + 60))
  wid=
  while [ -z "$wid" ] && [ "$SECONDS" -lt "$deadline" ]; do
    wid=$(timeout $((deadline - SECONDS)) xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
    [ -n "$wid" ] && break
    kill -0 "$pid" 2>/dev/null || fail "dangbo (pid $pid) ended before its window appeared"
    sleep 0.2
  done
  [ -n "$wid" ] || fail "no window of dangbo (pid $pid) appeared within 60 s"
  sleep 1
  xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
  xdotool mousemove 2 2  # no tooltip in the screenshots
}
# quit_app: Ctrl+Q in the main window ($wid), then dangbo must end within 10 s with status 0.
quit_app() {
  xdotool windowfocus --sync "${wid:-}" 2>/dev/null  # without a window manager the focus does not come back by itself
  sleep 0.3
  xdotool key --clearmodifiers ctrl+q
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && fail "dangbo did not exit within 10 s of Ctrl+Q"
  wait "$pid"
  local status=$?
  pid=
  [ "$status" -eq 0 ] || fail "dangbo exited with status $status"
  ok "dangbo exited with status 0"
}
# outer_setup NAME DANGBO DANGBO_CLI: outside the X server, checks the tools, makes the test's folder ($tmp,
# removed at exit) with its own configuration and data folders, and a demo register in $tmp/d.db (made with
# the further options of $demo_args, if set, such as --today). $extra_tools names further tools the test needs.
# Inside the X server (a flow run again by run_inner): what outer_setup passed on.
if [ "${DANGBO_FLOW_INNER:-}" = 1 ]; then
  app=$1 tmp=$DANGBO_FLOW_TMP out=$DANGBO_FLOW_OUT cli=${DANGBO_FLOW_CLI:-}
fi
# run_inner: runs this flow again inside its own X server (1366x768) on the register of outer_setup, and exits
# with its status (outer_setup's EXIT trap then removes the temporary folder).
run_inner() {
  DANGBO_FLOW_INNER=1 "$(dirname "$0")/xvfb.sh" 1366x768 "$0" "$app" "$cli"
  exit $?
}
outer_setup() {
  local name=$1
  [ $# -eq 3 ] || { echo "usage: $name <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$2") cli=$(realpath "$3")
  # shellcheck disable=SC2086  # $extra_tools: tool names, split on purpose
  for tool in Xvfb xdotool xmodmap xprop import sqlite3 ${extra_tools:-}; do
    command -v "$tool" >/dev/null || { echo "$name: $tool is not installed" >&2; exit 1; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export DANGBO_FLOW_TMP=$tmp DANGBO_FLOW_OUT=${DANGBO_SCREENSHOT_DIR:-$tmp} DANGBO_FLOW_CLI=$cli
  mkdir -p "$DANGBO_FLOW_OUT"
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data GSETTINGS_BACKEND=memory
  # shellcheck disable=SC2086  # $demo_args: options, split on purpose
  if ! "$cli" --db "$tmp/d.db" demo --seed 1 ${demo_args:-} >"$tmp/cli.out" 2>"$tmp/cli.err"; then
    echo "FAIL: dangbo-cli could not create the demo register:" >&2
    cat "$tmp/cli.err" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
}
# type_text TEXT [DELAY_MS]: types TEXT into the focused window. xdotool types a letter missing from the keymap
# by binding it to a spare key for that one press and unbinding it at once; a busy machine then lets GTK read
# the keymap too late and the letter is lost ("Bn Nà Ớt"). So each letter outside ASCII is first given a key of
# its own among the media keys 150-255, which no test presses. The binding is made again on every call: the X
# server forgets it when its last client (dangbo) exits between two parts of a test.
type_text() {
  local text=$1 delay=${2:-40} c i keycode=150 binds=()
  local -A seen=()
  local LC_ALL=C.UTF-8
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    [ "$(printf '%d' "'$c")" -lt 128 ] && continue
    [ -n "${seen[$c]:-}" ] && continue
    [ "$keycode" -gt 255 ] && fail "type_text: no spare key left for \"$c\""
    seen[$c]=1
    binds+=(-e "keycode $keycode = $(printf 'U%04X' "'$c")")
    keycode=$((keycode + 1))
  done
  if [ ${#binds[@]} -gt 0 ]; then
    xmodmap "${binds[@]}" || fail "type_text: xmodmap could not bind the letters of \"$text\""
    sleep 0.3  # the window reads the new keymap before the first press
  fi
  xdotool type --delay "$delay" "$text"
}
# Clicks the right-hand button of the smallest visible window of dangbo (the message box on top).
confirm_right() {
  local best="" area=0 w
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    eval "$(xdotool getwindowgeometry --shell "$w")"
    if [ -z "$best" ] || [ $((WIDTH * HEIGHT)) -lt "$area" ]; then
      best=$w area=$((WIDTH * HEIGHT)) bx=$X by=$Y bw=$WIDTH bh=$HEIGHT
    fi
  done
  [ -n "$best" ] || return 1
  xdotool mousemove $((bx + bw * 3 / 4)) $((by + bh - 18)) click 1
  # The pointer away again: left over a list of the page below, it would raise a tooltip (a window).
  xdotool mousemove 1 1
  sleep 0.8
}
# --- waiting for the window's state instead of sleeping (dangbo started with DANGBO_LAYOUT_CHECK=1) ---
# With DANGBO_LAYOUT_CHECK=1 dangbo writes "state: TITLE / TITLE / | PAGE" to its stdout ($tmp/app.out) each
# time its shown windows or its page change, after it looked at their layout (clipped controls go to stderr
# as "layout-check: ..." lines).
# mark_state: only state lines written after this call count for the next wait_state.
mark_state() {
  state_mark=$(grep -c '^state: ' "$tmp/app.out" 2>/dev/null)
  state_mark=${state_mark:-0}
}
# wait_state TEXT [SECONDS]: waits (10 s by default) for a state line after the mark that contains TEXT;
# the mark then moves past it.
wait_state() {
  local text=$1 tries=$((${2:-10} * 10))
  for _ in $(seq 1 "$tries"); do
    if grep '^state: ' "$tmp/app.out" 2>/dev/null | tail -n +$((${state_mark:-0} + 1)) | grep -qF -- "$text"; then
      mark_state
      return 0
    fi
    sleep 0.1
  done
  return 1
}
# press COMBO TEXT: presses COMBO and waits for a state of the window that contains TEXT.
press() {
  mark_state
  xdotool key --clearmodifiers "$1"
  wait_state "$2" || fail "after $1 the window did not reach \"$2\" (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
}
# layout_clean: fails when dangbo logged a control shown smaller than its best size.
layout_clean() {
  if grep -q '^layout-check: ' "$tmp/app.err"; then
    grep '^layout-check: ' "$tmp/app.err" | sort -u >&2
    fail "$(grep -c '^layout-check: ' "$tmp/app.err") controls are shown smaller than their text needs"
  fi
  ok "no control is shown smaller than its text needs"
}
# focus_newest: gives the keyboard focus to a visible window of dangbo other than its main window ($wid): the
# dialog just opened (without a window manager nobody else does).
focus_newest() {
  local w last=""
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    [ "$w" != "${wid:-}" ] && last=$w
  done
  [ -n "$last" ] || last=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -1)
  [ -n "$last" ] && xdotool windowfocus --sync "$last" 2>/dev/null
}

#!/usr/bin/env bash
# GUI flow of the reports page under Xvfb, driven by xdotool:
#   tests/gui/reports_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register, opens the reports page (Alt+7): the congress report, chosen first, is made off
# the window's thread and previewed with its charts; then publishes it (Alt+B, confirmed) and
# checks with dangbo-cli that the register holds the published congress report. Screenshots go to
# ${DANGBO_SCREENSHOT_DIR:-a temp dir}: reports-congress.png, reports-published.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$1") cli=$(realpath "$2")
  for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "reports_flow: $tool is not installed" >&2; exit 1; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export DANGBO_FLOW_TMP=$tmp DANGBO_FLOW_OUT=${DANGBO_SCREENSHOT_DIR:-$tmp} DANGBO_FLOW_CLI=$cli
  mkdir -p "$DANGBO_FLOW_OUT"
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data GSETTINGS_BACKEND=memory
  if ! "$cli" --db "$tmp/d.db" demo --seed 1 >"$tmp/cli.out" 2>"$tmp/cli.err"; then
    echo "FAIL: dangbo-cli could not create the demo register:" >&2
    cat "$tmp/cli.err" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  DANGBO_FLOW_INNER=1 xvfb-run -a -s "-screen 0 1366x768x24" "$0" "$app" "$cli"
  exit $?
fi

# --- inside the X server ---
app=$1
tmp=$DANGBO_FLOW_TMP
out=$DANGBO_FLOW_OUT
cli=$DANGBO_FLOW_CLI
. "$(dirname "$0")/lib.sh"
key() { xdotool key --clearmodifiers "$1"; sleep 0.8; }
windows() {  # waits up to 10 s for N visible windows of dangbo
  for _ in $(seq 1 50); do
    [ "$(visible)" -eq "$1" ] && return 0
    sleep 0.2
  done
  return 1
}

"$app" --db "$tmp/d.db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
[ -n "$wid" ] || fail "no window of dangbo (pid $pid) appeared within 30 s"
ok "the main window appeared"
sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
xdotool mousemove 2 2

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

xdotool key --clearmodifiers ctrl+q
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "dangbo did not exit within 10 s of Ctrl+Q"
wait "$pid"
status=$?
pid=
[ "$status" -eq 0 ] || fail "dangbo exited with status $status"
ok "dangbo exited with status 0"
echo "$passed passed, $failed failed"

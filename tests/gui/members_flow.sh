#!/usr/bin/env bash
# GUI flow of the members page under Xvfb, driven by xdotool:
#   tests/gui/members_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register, opens the members page (Alt+3), types "pan" in the search, opens the first
# member (Return), shows the history tab, closes the form (Esc), then opens the import wizard (Ctrl+I) on a
# small CSV folder with one erroneous row and checks that nothing was written. Screenshots go to
# ${DANGBO_SCREENSHOT_DIR:-a temp dir}: members-pan.png, member-history.png, import-wizard.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$1") cli=$(realpath "$2")
  for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "members_flow: $tool is not installed" >&2; exit 1; }
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
  # A small import folder: the empty templates, and in dang_vien.csv a new member, a changed residence of a
# demo member and one refused row.
  "$cli" templates "$tmp/import" >/dev/null 2>&1 || { echo "FAIL: templates"; echo "0 passed, 1 failed"; exit 1; }
  header=$(head -1 "$tmp/import/dang_vien.csv")
  {
    printf '%s\n' "$header"
    echo 'DV09001,Lò Văn Pằn,12/03/1985,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,012345678901,12/12,Đại học,Trung cấp,Giáo viên,CB02,15/06/2010,15/06/2011,,,,Đang sinh hoạt,'
    echo 'DV00154,,,,,,,Bản Chiềng Lương mới,,,,,,,,,,,,,'
    echo 'DV09003,Quàng Văn Đào,1978,Nam,Thái,Không,Phiêng Pằn,Bản Co Kè,0123456789012,12/12,Trung cấp,Sơ cấp,Trưởng bản,CB99,31/02/2012,,,,,Đang sinh hoạt,'
  } >"$tmp/import/dang_vien.csv"
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
# waits up to 10 s for N visible windows of dangbo
windows() {
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
xdotool mousemove 2 2  # no tooltip in the screenshots

key alt+3
xdotool type --delay 60 pan
sleep 1
windows 1 || fail "a second window (an error message?) opened while searching"
shot members-pan
ok "typed \"pan\" into the search of the members page"

key Return
windows 2 || fail "Return in the search did not open the member form"
ok "Return opened the member form"
key ctrl+Next
sleep 0.5
shot member-history
key Escape
windows 1 || fail "Esc did not close the unchanged member form"
ok "Esc closed the member form"

before=$(sha256sum "$tmp/d.db" | cut -d' ' -f1)
key ctrl+i
windows 2 || fail "Ctrl+I did not open the import wizard"
xdotool type --delay 30 "$tmp/import"
key Return
sleep 1.5
windows 2 || fail "reading the import folder opened another window (an error message?)"
key ctrl+Prior  # from the problems back to the rows with their actions
shot import-wizard
key Escape
windows 1 || fail "Esc did not close the import wizard"
after=$(sha256sum "$tmp/d.db" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "the register changed although the import was refused"
ok "the import wizard showed the plan and wrote nothing"

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

#!/usr/bin/env bash
# GUI flow of accounts and roles under Xvfb, driven by xdotool:
#   tests/gui/roles_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register with accounts (administrator, leadership, a secretary of CB02). Logs in as
# leadership with a wrong password (the dialog says so), then the right one; changing a member is refused
# with the service's message; the Tools menu has the administrator's items disabled. A second instance on the
# same file is refused, and dangbo-cli refuses to import into it. Logs in as the secretary: the members page
# lists only CB02. Logs in as the administrator and opens the accounts and the audit trail.
# Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}: login-wrong.png, leadership-refused.png,
# leadership-tools.png, second-instance.png, secretary-members.png, secretary-supplements.png, admin-accounts.png, admin-audit.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 <dangbo> <dangbo-cli>" >&2; exit 2; }
  app=$(realpath "$1") cli=$(realpath "$2")
  for tool in Xvfb xdotool xmodmap import; do
    command -v "$tool" >/dev/null || { echo "roles_flow: $tool is not installed" >&2; exit 1; }
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export DANGBO_FLOW_TMP=$tmp DANGBO_FLOW_OUT=${DANGBO_SCREENSHOT_DIR:-$tmp} DANGBO_FLOW_CLI=$cli
  mkdir -p "$DANGBO_FLOW_OUT"
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data GSETTINGS_BACKEND=memory DANGBO_FAST_HASH=1
  setup() {
    "$cli" --db "$tmp/d.db" demo --seed 1 >/dev/null 2>"$tmp/cli.err" || return 1
    echo mat-khau-quan-tri | "$cli" --db "$tmp/d.db" user add quantri --role admin --full-name "Lò Văn Quản" \
      --password-fd 0 2>>"$tmp/cli.err" || return 1
    printf 'mat-khau-quan-tri\nmat-khau-lanh-dao\n' | "$cli" --db "$tmp/d.db" --user quantri --password-fd 0 \
      user add lanhdao --role leadership --full-name "Cầm Văn Đạo" 2>>"$tmp/cli.err" || return 1
    printf 'mat-khau-quan-tri\nmat-khau-bi-thu\n' | "$cli" --db "$tmp/d.db" --user quantri --password-fd 0 \
      user add bithu --role secretary --cell CB02 --full-name "Quàng Thị Thư" 2>>"$tmp/cli.err" || return 1
    "$cli" templates "$tmp/import" >/dev/null 2>&1
  }
  if ! setup; then
    echo "FAIL: dangbo-cli could not create the register with accounts:" >&2
    cat "$tmp/cli.err" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  . "$(dirname "$0")/lib.sh"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
login() {  # login USER PASSWORD: types into the login dialog
  type_text "$1" 40
  key Tab
  type_text "$2" 40
  key Return
  sleep 1
}
stop() {
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=
}
focusmain() { xdotool windowfocus --sync "$(xdotool search --onlyvisible --pid "$pid" | head -1)" 2>/dev/null; sleep 0.5; }
# the title of the only visible window of $pid
title() { xdotool getwindowname "$(xdotool search --onlyvisible --pid "$pid" | head -1)"; }
# waits up to 20 s for the register's window (its title starts with dangbo) after a login
opened() {
  for _ in $(seq 80); do
    case "$(title 2>/dev/null)" in dangbo*) return 0 ;; esac
    sleep 0.25
  done
  return 1
}

# --- leadership ---
start_app "$tmp/d.db"  # up to its login dialog
windows 1 || fail "the login dialog did not appear"
ok "opening a register with accounts shows the login dialog"
login lanhdao sai-mat-khau
windows 1 || fail "a wrong password opened another window"
case "$(title)" in dangbo*) fail "a wrong password opened the register" ;; esac
shot login-wrong
ok "a wrong password is refused in the login dialog"
type_text mat-khau-lanh-dao 40
key Return
if opened; then ok "leadership logged in"; else fail "the right password did not open the register"; fi
xdotool mousemove 2 2
focusmain

key alt+3
type_text pan 60
sleep 1
shot leadership-members
key Return
windows 2 || fail "Return in the search did not open the member form"
key End
type_text " A" 40
key ctrl+s
windows 3 || fail "Ctrl+S did not ask for the reason of the change"
type_text "thu sua" 40
key Return
sleep 1
windows 3 || fail "saving as leadership did not show a refusal"
shot leadership-refused
ok "leadership's change of a member is refused by the service"
key Return   # closes the refusal
stop

# --- a second instance, and the CLI, while a window holds the register ---
start_app "$tmp/d.db"  # up to its login dialog
login lanhdao mat-khau-lanh-dao
opened || fail "leadership could not log in for the second-instance test"
first=$pid
"$app" --db "$tmp/d.db" >"$tmp/app2.out" 2>"$tmp/app2.err" &
pid=$!
second=$pid
w2=$(timeout 30 xdotool search --sync --onlyvisible --pid "$second" 2>/dev/null | head -1)
[ -n "$w2" ] || fail "the second instance showed nothing"
sleep 1
shot second-instance
case "$(xdotool getwindowname "$w2")" in dangbo\ —*) fail "the second instance opened the register" ;; esac
ok "a second instance on the same file is refused with a message"
kill "$second" 2>/dev/null
wait "$second" 2>/dev/null
pid=$first
xdotool windowactivate --sync "$(xdotool search --onlyvisible --pid "$pid" | head -1)" 2>/dev/null
"$cli" --db "$tmp/d.db" import "$tmp/import" >"$tmp/cli2.out" 2>"$tmp/cli2.err"
[ $? -eq 1 ] || fail "dangbo-cli import ran while the window held the register"
grep -q "dangbo" "$tmp/cli2.err" || fail "dangbo-cli gave no message"
ok "dangbo-cli refuses to import while the window holds the register"
key F10
key Right
key Right
sleep 0.5
shot leadership-tools
key Escape
key Escape
stop

# --- secretary ---
export DANGBO_LAYOUT_CHECK=1  # from here on dangbo writes its state lines (the file supplements below)
start_app "$tmp/d.db"  # up to its login dialog
login bithu mat-khau-bi-thu
if opened; then ok "the secretary logged in"; else fail "the secretary could not log in"; fi
xdotool mousemove 2 2
focusmain
key alt+3
sleep 1
windows 1 || fail "the members page showed an error for the secretary"
shot secretary-members
ok "the secretary's members page opened"
# The file supplements (the 13th page, a click on its title): the cell's sheets, and why they are not marked here.
eval "$(xdotool getwindowgeometry --shell "$(xdotool search --onlyvisible --pid "$pid" | head -1)")"
mark_state
xdotool mousemove $((X + 60)) $((Y + 47 + 24 * 12)) click 1 mousemove 2 2
sheets=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.cell_id
  WHERE o.code = 'CB02' AND m.status IN ('active', 'exempt')")
wait_state "| Phiếu bổ sung | note \"$sheets phiếu: 0 đã nộp, $sheets chưa nộp.\"" ||
  fail "the secretary's file supplements do not show the $sheets sheets of CB02 (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
grep '^state: ' "$tmp/app.out" | tail -1 | grep -qF 'note "Chỉ Văn phòng Đảng ủy hoặc quản trị viên ghi nhận phiếu đã nộp."' ||
  fail "the secretary is not told that the office marks the sheets returned"
windows 1 || fail "the file supplements page showed an error for the secretary"
shot secretary-supplements
ok "the secretary sees the $sheets sheets of CB02 and is told the office marks them returned"
stop

# --- administrator ---
start_app "$tmp/d.db"  # up to its login dialog
login quantri mat-khau-quan-tri
if opened; then ok "the administrator logged in"; else fail "the administrator could not log in"; fi
xdotool mousemove 2 2
focusmain
key F10
key Right
key Right
key Down
key Return
windows 2 || fail "Tools > User accounts did not open"
shot admin-accounts
key Escape
windows 1 || fail "Esc did not close the accounts"
key F10
key Right
key Right
key Down
key Down
key Return
windows 2 || fail "Tools > Audit trail did not open"
shot admin-audit
key Escape
windows 1 || fail "Esc did not close the audit trail"
ok "the administrator opened the accounts and the audit trail"
quit_app
echo "$passed passed, $failed failed"

#!/usr/bin/env bash
# GUI flow of the first day on an empty register, under Xvfb, driven by xdotool and waiting on the window's
# state (DANGBO_LAYOUT_CHECK=1, see lib.sh) rather than sleeping:
#   tests/gui/first_run.sh <path to dangbo> <path to dangbo-cli>
# An empty register (dangbo-cli init) opens on the welcome (import from Excel, the template, merge - coming
# soon -, start empty). Tools > User accounts > Add an account on a register without accounts makes the
# administrator (not an account of the default role, which would leave the register without one); after a
# restart the register asks for a login. "Start empty" adds the first party organization with the code CB01
# proposed. The command line refuses a first account that is not an administrator. Screenshots: first-run-welcome.png, first-run-setup.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup first_run "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1 DANGBO_FAST_HASH=1
db=$tmp/e.db
"$cli" --db "$db" init --committee "Đảng bộ xã Nậm Thử" >/dev/null 2>&1 || fail "dangbo-cli init failed"

# The command line: a first account of another role is refused, nothing written.
printf 'mat-khau-van-phong\n' >"$tmp/pw"
"$cli" --db "$db" user add vanphong --role office --password-fd 3 3<"$tmp/pw" >/dev/null 2>"$tmp/cli.err"
[ $? -eq 1 ] || fail "the command line accepted a first account that is not the administrator"
[ "$(sqlite3 "$db" 'SELECT count(*) FROM users')" = 0 ] || fail "the refused account was written"
ok "the command line refuses a first office account: $(head -1 "$tmp/cli.err")"

start_app "$db"
wait_state "| Tổng quan" 20 || fail "the window did not show the overview"
press alt+1 "| Tổng quan | focus welcomeImport" || fail "the empty register did not open on the welcome (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
ok "the empty register opens on the welcome, its first button focused"
shot first-run-welcome

# Tools > User accounts (Alt+C, T), then Add an account.
key alt+c  # a GTK menu is no window of dangbo's: the one pause of the flow
press t "Tài khoản người dùng / |"
ok "Tools > User accounts opened"
focus_newest
for _ in 1 2 3 4 5 6 7 8; do
  grep '^state: ' "$tmp/app.out" | tail -1 | grep -q 'focus add ' && break
  press Tab "focus"
done
grep '^state: ' "$tmp/app.out" | tail -1 | grep -q 'focus add ' ||
  fail "Tab did not reach Add an account: $(grep '^state: ' "$tmp/app.out" | tail -8)"
press space "Tạo tài khoản quản trị"
ok "Add an account on a register without accounts creates the administrator"
focus_newest
shot first-run-setup
type_text "quantri"
key Tab
type_text "Lò Văn Quản"
key Tab
type_text "mat-khau-quan-tri"
key Tab
type_text "mat-khau-quan-tri"
press Return "Tài khoản người dùng / |"
[ "$(sqlite3 "$db" "SELECT role FROM users")" = admin ] || fail "the first account is not an administrator: $(sqlite3 "$db" 'SELECT username, role FROM users')"
ok "the first account made in the window is the administrator"
focus_newest
press Escape "Nậm Thử / | Tổng quan"
layout_clean

# Start empty: the first party organization is offered the register's first code; the clerk types its name only.
xdotool windowfocus --sync "$wid" 2>/dev/null  # without a window manager the focus does not come back by itself
press alt+1 "| Tổng quan | focus welcomeImport"
for _ in 1 2 3 4 5 6; do
  grep '^state: ' "$tmp/app.out" | tail -1 | grep -q 'focus welcomeEmpty' && break
  press Tab "focus"
done
press space "Thêm tổ chức đảng / "
focus_newest
type_text "Chi bộ bản Thử"
press Return "Nậm Thử / | Tổ chức đảng"
[ "$(sqlite3 "$db" "SELECT code || '|' || name FROM organizations")" = "CB01|Chi bộ bản Thử" ] ||
  fail "the first organization is not CB01 with the name typed: $(sqlite3 "$db" 'SELECT code, name FROM organizations')"
ok "the first party organization got the code CB01 without one being typed"
quit_app

# The register now asks for a login.
"$app" --db "$db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
mark_state
wait_state "Đăng nhập" 40 || fail "after the administrator was made, the register did not ask for a login"
ok "the register asks for a login"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
pid=

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

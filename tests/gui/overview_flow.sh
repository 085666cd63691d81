#!/usr/bin/env bash
# GUI flow of the overview page (Tổng quan) under Xvfb, driven by xdotool:
#   tests/gui/overview_flow.sh <path to dangbo> <path to dangbo-cli>
# Creates a demo register grown past ten thousand members (each official member copied ten times), checks that
# no figure of the overview loses a digit (the layout check: no label smaller than its text), shows the overview (targets against actual figures, deadlines), moves the
# keyboard focus to the first figure (Alt+1: the page focuses it) and opens the list behind it (Return), checks
# the dialog's title, closes it (Esc), goes on to the next figure, then selects the first deadline and
# opens the list of overdue deadlines. Screenshots go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}:
# overview.png, overview-admissions.png, overview-members-good.png, overview-overdue.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup overview_flow "$@"
  # Past ten thousand members (each official member of the demo ten times more, codes DX...): the figures keep
  # every digit ("0.000 Đảng viên" was once shown for 100.000).
  sqlite3 "$tmp/d.db" "INSERT INTO members (code, full_name, search_key, sort_key, gender, birth_date, ethnicity,
      admitted_on, official_on, cell_id, status)
    SELECT printf('DX%02d%05d', k.n, m.id), full_name, search_key, sort_key, gender, birth_date, ethnicity,
      admitted_on, official_on, cell_id, status
    FROM members m, (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c) k
    WHERE m.status = 'active' AND m.official_on IS NOT NULL" || { echo "FAIL: more members"; echo "0 passed, 1 failed"; exit 1; }
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1  # clipped figures are logged
# the title of the newest visible window of dangbo
newest() { xdotool getwindowname "$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -1)"; }

"$app" --db "$tmp/d.db" >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
wait_state "| Tổng quan" 90 || fail "the overview did not show within 90 s"
wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1)
ok "the main window appeared"
xdotool mousemove 2 2  # no tooltip in the screenshots (nor counted as a second window)
sleep 1
windows 1 || fail "a second window (an error message?) is open after start"
# The targets, deadlines and cells' work are counted on a thread of their own after the window shows.
for _ in $(seq 1 600); do
  grep -q '^state: background overview counted' "$tmp/app.out" && break
  sleep 0.1
done
grep -q '^state: background overview counted' "$tmp/app.out" || fail "the overview's figures were not counted within 60 s"
ok "the overview's figures were counted in the background"
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowactivate --sync "$wid" 2>/dev/null
shot overview
members=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM members WHERE status IN ('active', 'exempt')")
[ "$members" -ge 10000 ] || fail "only $members members: the figures are not past four digits"
layout_clean
ok "the overview of $members members keeps every digit of its figures"

key alt+1  # the overview puts the focus on its first figure: the year's admissions
key Return
windows 2 || fail "Return on the first figure did not open the list behind it"
title=$(newest)
case "$title" in
  *"Kết nạp đảng viên năm"*) ok "the admissions list opened: $title" ;;
  *) fail "the list behind the first figure is titled \"$title\", not the year's admissions" ;;
esac
shot overview-admissions
key Escape
windows 1 || fail "Esc did not close the list"
ok "Esc closed the list"

key Tab  # the next figure: members rated good or better
key space
windows 2 || fail "Space on the second figure did not open its list"
title=$(newest)
case "$title" in
  *"Đảng viên"*) ok "the members' ratings list opened: $title" ;;
  *) fail "the list behind the second figure is titled \"$title\"" ;;
esac
shot overview-members-good
key Escape
windows 1 || fail "Esc did not close the second list"

for _ in 1 2 3 4; do key Tab; done  # the remaining figures, then the deadlines
key Down
key Return
windows 2 || fail "Return on a deadline did not open the list of its group"
title=$(newest)
case "$title" in
  *"quá hạn"* | *"đến hạn"*) ok "the deadlines list opened: $title" ;;
  *) fail "the deadlines list is titled \"$title\"" ;;
esac
shot overview-overdue
key Escape
windows 1 || fail "Esc did not close the deadlines list"

quit_app
echo "$passed passed, $failed failed"

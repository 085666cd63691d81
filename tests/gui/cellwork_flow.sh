#!/usr/bin/env bash
# GUI flow of the cells' monthly work (Sinh hoạt, đảng phí) under Xvfb, driven by xdotool:
#   tests/gui/cellwork_flow.sh <path to dangbo> <path to dangbo-cli>
# On the demo register: Alt+9 opens the page (the first cell chosen, the keyboard in the meeting day); types
# today as the day, Tab to the place (typed) and the attendance list, Space marks the second member absent with reason and the third
# absent without reason, Alt+U saves the meeting. Then the dues tab (Ctrl+PgDn) opens on its grid: to December,
# three amounts each followed by Enter (the next member below); Alt+S, an amount and Enter record what the cell
# sent up for the last month ended. The register must hold the meeting, its
# attendance, the three payments and the amount sent up, each with its audit row, and `check` must name the demo's planted
# grounds. Screenshots at 1366x768 and 1024x768 go to ${DANGBO_SCREENSHOT_DIR:-a temp dir}: cellwork-meetings,
# cellwork-dues, cellwork-commune, cellwork-grounds, cellwork-removal-confirm, cellwork-small(-dues, -commune,
# -grounds).
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  outer_setup cellwork_flow "$@"
  DANGBO_FLOW_INNER=1 "$(dirname "$0")/xvfb.sh" 1366x768 "$0" "$app" 1366 || exit $?
  DANGBO_FLOW_INNER=1 DANGBO_FLOW_SMALL=1 "$(dirname "$0")/xvfb.sh" 1024x768 "$0" "$app" 1024
  exit $?
fi

# --- inside the X server ---
app=$1
tmp=$DANGBO_FLOW_TMP
out=$DANGBO_FLOW_OUT
cli=$DANGBO_FLOW_CLI
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1 DANGBO_FAST_HASH=1
today=$(date +%Y-%m-%d)
today_vn=$(date +%d/%m/%Y)
year=$(date +%Y)

start_app "$tmp/d.db"
windows 1 || fail "a second window (an error message?) is open after start"

if [ "${DANGBO_FLOW_SMALL:-}" = 1 ]; then
  # The second pass: the same page on a 1024x768 screen, for the screenshot and the layout check.
  press alt+9 "| Sinh hoạt, đảng phí"
  shot cellwork-small
  key ctrl+Next
  shot cellwork-small-dues
  key ctrl+Next
  shot cellwork-small-commune
  key ctrl+Next
  shot cellwork-small-grounds
  layout_clean
  quit_app
  echo "$passed passed, $failed failed"
  exit 0
fi

press alt+9 "| Sinh hoạt, đảng phí"
ok "Alt+9 opened the cells' work page"
cell=$(sqlite3 "$tmp/d.db" "SELECT code FROM organizations WHERE ceased IS NULL OR ceased > '$today' ORDER BY code LIMIT 1")
key ctrl+a
type_text "$today_vn"
for _ in 1 2 3 4; do key Tab; done  # kind, start, end, the place
type_text "Nhà văn hóa bản"
key Tab  # the attendance list
key Down
key space  # the second member: absent with reason
key Down
key space
key space  # the third: absent without reason
shot cellwork-meetings
key alt+u
sleep 1
windows 1 || fail "saving the meeting opened a message: $(xdotool getwindowname "$(xdotool search --onlyvisible --pid "$pid" | tail -1)")"
meeting=$(sqlite3 "$tmp/d.db" "SELECT m.id FROM meetings m JOIN organizations o ON o.id = m.cell_id WHERE o.code = '$cell' AND m.held_on = '$today' AND m.kind = 'thuong_ky'")
[ -n "$meeting" ] || fail "the meeting of $cell on $today was not recorded"
ok "the meeting of $cell on $today was recorded"
[ "$(sqlite3 "$tmp/d.db" "SELECT place FROM meetings WHERE id = $meeting")" = "Nhà văn hóa bản" ] ||
  fail "the place typed was not recorded with the meeting"
ok "its place was recorded: Nhà văn hóa bản"
statuses=$(sqlite3 "$tmp/d.db" "SELECT group_concat(status, ',') FROM (SELECT status FROM meeting_attendance WHERE meeting_id = $meeting ORDER BY status)")
case "$statuses" in
  *co_mat*vang_co_ly_do*vang_khong_ly_do*) ok "its attendance was recorded: $statuses" ;;
  *) fail "the attendance recorded is \"$statuses\"" ;;
esac
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE record = 'meeting:$cell/$today/thuong_ky'")" = 1 ] \
  || fail "the meeting has no audit row (or more than one)"
ok "one audit row for the meeting"

before=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM dues_payments WHERE month = '$year-12'")
key ctrl+Next  # the dues tab, the keyboard in its grid on January of the first member
for _ in $(seq 1 11); do key Right; done  # December
for amount in 10000 12000 15000; do
  type_text "$amount"
  key Return
done
sleep 1
windows 1 || fail "typing the dues opened a message"
after=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM dues_payments WHERE month = '$year-12'")
[ $((after - before)) -eq 3 ] || fail "$((after - before)) payments for 12/$year were recorded, not 3"
ok "three payments for 12/$year were typed in the grid"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE action = 'dues_payment.add'")" = 3 ] \
  || fail "the payments do not have an audit row each"
ok "each payment has its audit row"
# What the cell sent up to the commune: the last month ended (January: January), Alt+S the amount, Enter.
sent_month=$((10#$(date +%m) - 1))
[ "$sent_month" -ge 1 ] || sent_month=1
sent_month=$year-$(printf %02d "$sent_month")
key alt+s
key ctrl+a
type_text 120000
key Return
sleep 1
shot cellwork-dues
windows 1 || fail "recording what was sent up opened a message"
[ "$(sqlite3 "$tmp/d.db" "SELECT r.amount_vnd FROM dues_remittances r JOIN organizations o ON o.id = r.cell_id WHERE o.code = '$cell' AND r.month = '$sent_month'")" = 120000 ] \
  || fail "120.000 đ sent up by $cell for $sent_month was not recorded"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM audit_log WHERE record = 'dues_sent:$cell/$sent_month'")" = 1 ] \
  || fail "what was sent up has no audit row (or more than one)"
ok "what $cell sent up for $sent_month was recorded with its audit row"
# The commune's month (every cell), then the removal grounds: Enter on the first asks before the form opens.
key ctrl+Next
shot cellwork-commune
key ctrl+Next
shot cellwork-grounds
removals=$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM removals")
key Return
windows 2 || fail "Enter on a removal ground asked nothing"
shot cellwork-removal-confirm
key Escape
windows 1 || fail "Escape did not close the question"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM removals")" = "$removals" ] \
  || fail "a removal was recorded without its form"
ok "the removal grounds ask before the removal form opens"
layout_clean
quit_app

"$cli" --db "$tmp/d.db" check --format json >"$tmp/check.json"
for rule in meeting_missing thematic_missing absence_removal_ground dues_removal_ground dues_arrears; do
  grep -q "\"rule\": \"$rule\"" "$tmp/check.json" || fail "check does not name $rule"
done
ok "check names the planted grounds"
echo "$passed passed, $failed failed"

#!/usr/bin/env bash
# GUI flow of a damaged register, under Xvfb:
#   tests/gui/damaged_flow.sh <path to dangbo> <path to dangbo-cli>
# One page of a table of the demo register that the opening does not read is overwritten. The window opens at
# once (its pages are checked on a thread, store::PageCheck), then says the register is damaged ("Sổ bị hỏng")
# and stays read-only; closing it writes nothing: no backup copy, the file byte for byte as it was, no WAL left.
# Screenshot: damaged-message.png.
set -uo pipefail

if [ "${DANGBO_FLOW_INNER:-}" != 1 ]; then
  . "$(dirname "$0")/lib.sh"
  extra_tools="python3 sha256sum"
  outer_setup damaged_flow "$@"
  run_inner
fi

# --- inside the X server ---
. "$(dirname "$0")/lib.sh"
export DANGBO_LAYOUT_CHECK=1
db=$tmp/d.db
# A table of about a hundred pages, closed by sqlite3 (its WAL moved into the file), then one of its leaves
# overwritten with bytes no page holds.
sqlite3 "$db" "CREATE TABLE zz_filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 1500) INSERT INTO zz_filler SELECT randomblob(1000) FROM n;" || fail "the filler table was not made"
page=$(sqlite3 "$db" "SELECT pageno FROM dbstat WHERE name = 'zz_filler' AND pagetype = 'leaf'
  ORDER BY pageno LIMIT 1 OFFSET 20")
size=$(sqlite3 "$db" "PRAGMA page_size")
python3 - "$db" "$page" "$size" <<'EOF'
import sys
path, page, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as f:
    f.seek((page - 1) * size)
    f.write(b"\x55" * size)
EOF
[ "$(sqlite3 -readonly "$db" 'PRAGMA quick_check' | head -1)" != ok ] || fail "the page was not damaged"
before=$(sha256sum "$db" | cut -d' ' -f1)
copies() { find "$tmp" -path '*saoluu*' -name '*.db' 2>/dev/null | wc -l; }
copies_before=$(copies)
ok "page $page of the register damaged"

start_app "$db"
ok "the window opened on the damaged register"
wait_state "background pages damaged" 30 || fail "the window did not find the damaged page (last: $(grep '^state: ' "$tmp/app.out" | tail -1))"
windows 2 || fail "no message about the damage was shown"
message=
for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
  [ "$w" != "$wid" ] && message=$(xdotool getwindowname "$w")
done
[ "$message" = "Sổ bị hỏng" ] || fail "the message's title is \"$message\", not \"Sổ bị hỏng\""
ok "the window says the register is damaged"
shot damaged-message
focus_newest
key Return
windows 1 || fail "the message did not close"
quit_app
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$before" ] || fail "the damaged register was written to"
[ ! -s "$db-wal" ] || fail "a WAL of $(stat -c %s "$db-wal") bytes was left beside the damaged register"
[ "$(copies)" = "$copies_before" ] || fail "a backup copy of the damaged register was kept"
ok "nothing was written: the register byte for byte as before, no WAL, no copy"
echo "$passed passed, $failed failed"

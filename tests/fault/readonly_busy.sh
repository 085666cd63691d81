#!/bin/bash
# A register in a read-only folder (a tmpfs remounted read-only, as root; skipped otherwise) and a register
# busy with another program's write: each told in Vietnamese with the right exit status (3: cannot be opened;
# 1: nothing written), never SQLite's English text or "damaged". Usage: readonly_busy.sh DANGBO_CLI
set -u
CLI=$1
TMP=$(mktemp -d /tmp/dangbo-ro-XXXXXX)
MNT="$TMP/ro"
mkdir -p "$MNT"
cleanup() { umount "$MNT" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export DANGBO_FAST_HASH=1
english() { grep -qiE "database is locked|readonly database|unable to open|disk I/O|hỏng" "$1"; }

# Busy: another program holds the write lock longer than dangbo waits (5 s).
"$CLI" --db "$TMP/so.db" init --committee "Đảng bộ xã Bận" >/dev/null 2>&1 || fail "init"
mkdir -p "$TMP/data"
printf 'Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\nCB01,Chi bộ Một,Chi bộ trực thuộc,Bản,01/01/1970,,,Không\n' >"$TMP/data/to_chuc.csv"
python3 - "$TMP/so.db" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
time.sleep(9)
db.execute("ROLLBACK")
PY
holder=$!
sleep 1
"$CLI" --db "$TMP/so.db" import "$TMP/data" >/dev/null 2>"$TMP/err"
rc=$?
wait $holder
[ $rc -eq 1 ] || { cat "$TMP/err"; fail "busy register: exit $rc, not 1"; }
grep -q "đang bận" "$TMP/err" || { cat "$TMP/err"; fail "busy register: no Vietnamese message"; }
english "$TMP/err" && { cat "$TMP/err"; fail "busy register: SQLite's text"; }
echo "busy register: exit 1: $(head -1 "$TMP/err")"
"$CLI" --db "$TMP/so.db" import "$TMP/data" >/dev/null 2>&1 || fail "the import once the other program is done"

# Read-only folder.
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=8m tmpfs "$MNT" 2>/dev/null; then
  echo "cannot mount a tmpfs here (not root): the read-only part skipped"
  exit 0
fi
"$CLI" --db "$MNT/so.db" init --committee "Đảng bộ xã Chỉ Đọc" >/dev/null 2>&1 || fail "init on the tmpfs"
mount -o remount,ro "$MNT" || fail "remount read-only"
"$CLI" --db "$MNT/so.db" summary >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 3 ] || { cat "$TMP/err"; fail "read-only folder: exit $rc, not 3"; }
grep -q "chỉ cho đọc" "$TMP/err" || { cat "$TMP/err"; fail "read-only folder: not told so"; }
english "$TMP/err" && { cat "$TMP/err"; fail "read-only folder: SQLite's text or 'damaged'"; }
echo "read-only folder: exit 3: $(head -1 "$TMP/err")"
"$CLI" --db "$TMP/so.db" backup --out "$MNT/b.db" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] || { cat "$TMP/err"; fail "backup into a read-only folder: exit $rc, not 1"; }
grep -q "chỉ cho đọc" "$TMP/err" || { cat "$TMP/err"; fail "backup into a read-only folder: not told so"; }
echo "backup into a read-only folder: exit 1: $(head -1 "$TMP/err")"
# A backup on a write-protected stick restores (read as it lies, nothing written there).
"$CLI" --db "$TMP/khoiphuc.db" restore "$MNT/so.db" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; fail "restore from a read-only folder"; }
"$CLI" --db "$TMP/khoiphuc.db" summary --format json | grep -q "Chỉ Đọc" || fail "the restored register"
echo "restore from a read-only folder: done"

#!/bin/bash
# Fault test: a full disk (a small tmpfs, mounted when this runs as root; skipped otherwise). backup, export,
# reports (PDF and XLSX), the template workbook and restore onto it fail with the Vietnamese "disk full" message
# and exit 1, with no English line of SQLite or libxlsxwriter, leave no file there (no 0-byte backup, no
# *.part), and the register stays sound. Usage: disk_full.sh DANGBO_CLI
set -u
CLI=$1
TMP=$(mktemp -d /tmp/dangbo-full-XXXXXX)
MNT="$TMP/full"
mkdir -p "$MNT"
cleanup() { umount "$MNT" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
  echo "cannot mount a small tmpfs here (not root): skipped"
  exit 77
fi
export DANGBO_FAST_HASH=1
"$CLI" --db "$TMP/so.db" demo --seed 1 --today 2026-11-29 >/dev/null 2>&1 || fail "demo"
# Fills the small disk but for KB kilobytes.
fill_but() {
  rm -f "$MNT/fill"
  local avail
  avail=$(df -k --output=avail "$MNT" | tail -1)
  dd if=/dev/zero of="$MNT/fill" bs=1k count=$((avail - $1)) 2>/dev/null
}
fill_but 40
expect_full() {  # expect_full WHAT FILE COMMAND...: COMMAND writing FILE fails as on a full disk
  local what=$1 file=$2; shift 2
  "$@" >/dev/null 2>"$TMP/err"
  local rc=$?
  [ $rc -eq 1 ] || { cat "$TMP/err"; fail "$what: exit $rc, not 1"; }
  grep -q "đầy" "$TMP/err" || { cat "$TMP/err"; fail "$what: no Vietnamese 'disk full' message"; }
  grep -qF "$file" "$TMP/err" || { cat "$TMP/err"; fail "$what: the message does not name $file"; }
  grep -qi "disk\|database or disk is full\|SQLITE" "$TMP/err" && { cat "$TMP/err"; fail "$what: SQLite's English text"; }
  grep -qi "\[ERROR\]\|workbook\|xlsx\b.*error\|error creating" "$TMP/err" &&
    { cat "$TMP/err"; fail "$what: libxlsxwriter's English text"; }
  local left
  left=$(ls -A "$MNT" | grep -v '^fill$')
  [ -z "$left" ] || fail "$what: left $left on the full disk"
  echo "$what: refused, exit 1: $(head -1 "$TMP/err")"
}
expect_full "backup" "$MNT/saoluu.db" "$CLI" --db "$TMP/so.db" backup --out "$MNT/saoluu.db"
expect_full "export register" "$MNT/so.xlsx" "$CLI" --db "$TMP/so.db" export register --out "$MNT/so.xlsx"
expect_full "report" "$MNT/bc.pdf" "$CLI" --db "$TMP/so.db" report members --format pdf --out "$MNT/bc.pdf"
expect_full "XLSX report" "$MNT/so-danh-sach.xlsx" "$CLI" --db "$TMP/so.db" report register --format xlsx --out "$MNT/so-danh-sach.xlsx"
fill_but 8  # the template workbook is smaller than 40 KB
expect_full "template workbook" "$MNT/mau-nhap-lieu.xlsx" "$CLI" templates --out "$MNT/mau-nhap-lieu.xlsx"
# A register on the full disk: restoring a larger file into it fails and leaves it as it was.
rm -f "$MNT/fill"
"$CLI" --db "$MNT/nho.db" init --committee "Đảng bộ xã Nhỏ" >/dev/null 2>&1 || fail "init on the small disk"
fill_but 40
before=$(md5sum < "$MNT/nho.db")
"$CLI" --db "$MNT/nho.db" restore "$TMP/so.db" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] || { cat "$TMP/err"; fail "restore onto a full disk: exit $rc, not 1"; }
grep -q "đầy" "$TMP/err" || { cat "$TMP/err"; fail "restore: no Vietnamese 'disk full' message"; }
[ "$(md5sum < "$MNT/nho.db")" = "$before" ] || fail "restore: the register changed"
# The register's own SQLite companions (-shm, -wal) may stay: opening it on a full disk cannot always tidy them.
left=$(ls -A "$MNT" | grep -v -E '^(fill|nho\.db|nho\.db-shm|nho\.db-wal|nho\.db\.lock|nho\.db\.anchor|nho\.db\.replaced-[0-9-]+\.bak)$')
[ -z "$left" ] || fail "restore: left $left"
"$CLI" --db "$MNT/nho.db" summary >/dev/null 2>&1 || fail "the register does not open after the refused restore"
echo "restore onto a full disk: refused, exit 1, register unchanged: $(head -1 "$TMP/err")"

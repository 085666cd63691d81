#!/bin/bash
# Fault test: `dangbo-cli restore`, `backup` or `package apply` killed (SIGKILL) at RUNS random moments. After each kill the
# register is sound (integrity, application id) and holds all of the old file or all of the new one; a backup
# is either absent or a sound, whole copy; no half-written visible file appears, and the hidden temporary
# file a kill leaves is removed by the next write of the same file; a change package is applied whole or not at
# all. Usage: kill_copy.sh restore|backup|apply DANGBO_CLI [RUNS]
set -u
MODE=$1
CLI=$2
RUNS=${3:-50}
TMP=$(mktemp -d /tmp/dangbo-killcopy-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export DANGBO_FAST_HASH=1
fail() { echo "FAIL: $*" >&2; exit 1; }

# "ok FINGERPRINT" for a sound dangbo file, else the problem.
probe() {
  python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
try:
    db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
    check = db.execute("PRAGMA integrity_check").fetchone()[0]
    app = db.execute("PRAGMA application_id").fetchone()[0]
    rows = db.execute("SELECT code, full_name, phone FROM members ORDER BY id").fetchall()
    if check != "ok" or app != 0x44414E47:
        print("bad", check, app)
    else:
        print("ok", hashlib.md5(repr(rows).encode()).hexdigest())
except Exception as e:
    print("bad", e)
PY
}
ms() { date +%s%3N; }

"$CLI" --db "$TMP/a.db" demo --seed 1 --today 2026-11-29 >/dev/null 2>&1 || fail "demo a"
"$CLI" --db "$TMP/b.db" demo --seed 2 --today 2026-11-29 >/dev/null 2>&1 || fail "demo b"
if [ "$MODE" = apply ]; then
  # b.db: a.db with the change package of cell CB01 applied (15 phone numbers).
  echo "mat-khau-goi-1" >"$TMP/pw"
  "$CLI" --db "$TMP/a.db" package export --cell CB01 --out "$TMP/c.dbgoi" --passphrase-fd 3 3<"$TMP/pw" >/dev/null || fail "export"
  "$CLI" --db "$TMP/cell.db" package open "$TMP/c.dbgoi" --passphrase-fd 3 3<"$TMP/pw" >/dev/null || fail "open"
  python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute(\"UPDATE members SET phone='0977000111'\"); d.commit()" "$TMP/cell.db"
  "$CLI" --db "$TMP/cell.db" package changes --out "$TMP/ch.dbgthd" --passphrase-fd 3 3<"$TMP/pw" >/dev/null || fail "changes"
  rm -f "$TMP/b.db"; cp "$TMP/a.db" "$TMP/b.db"
  "$CLI" --db "$TMP/b.db" package apply "$TMP/ch.dbgthd" --passphrase-fd 3 3<"$TMP/pw" >/dev/null || fail "apply"
fi
A=$(probe "$TMP/a.db"); B=$(probe "$TMP/b.db")
[ "${A%% *}" = ok ] && [ "${B%% *}" = ok ] && [ "$A" != "$B" ] || fail "the two registers: $A / $B"

W="$TMP/w"
mkdir -p "$W"
fresh() { rm -rf "$W"; mkdir -p "$W"; cp "$TMP/a.db" "$W/t.db"; }
case $MODE in
  restore) CMD=("$CLI" --db "$W/t.db" restore "$TMP/b.db") ;;
  backup) CMD=("$CLI" --db "$W/t.db" backup --out "$W/copy.db") ;;
  apply) CMD=(sh -c 'exec "$0" --db "$1" package apply "$2" --passphrase-fd 3 3<"$3"' "$CLI" "$W/t.db" "$TMP/ch.dbgthd" "$TMP/pw") ;;
  *) fail "mode $MODE" ;;
esac
op() { "${CMD[@]}"; }
# Visible files besides the register and what the operation is meant to leave.
litter() {
  (cd "$W" && ls -A | grep -v -E '^(t\.db|t\.db-wal|t\.db-shm|t\.db\.lock|t\.db\.anchor|copy\.db|t\.db\.replaced-[0-9-]+\.bak)$' |
    grep -v -E '^\.(t|copy)\.db(\.anchor)?\.[A-Za-z0-9]{6}\.part(-journal|-wal|-shm)?$')
}

fresh
t0=$(ms)
op >/dev/null 2>"$TMP/op.err" || { cat "$TMP/op.err"; fail "the reference $MODE"; }
SPAN=$(( $(ms) - t0 ))
echo "reference $MODE: $SPAN ms"

old=0 new=0 hidden=0
for run in $(seq 1 "$RUNS"); do
  fresh
  # Half the kills anywhere in the run, half in its last part, where the copy or the transaction is written.
  if [ $((run % 2)) -eq 0 ]; then delay=$(( RANDOM % (SPAN + SPAN / 5 + 1) ))
  else delay=$(( SPAN * 6 / 10 + RANDOM % (SPAN / 2 + 1) )); fi
  "${CMD[@]}" >/dev/null 2>&1 &  # the program itself in the background, so that the kill reaches it
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  l=$(litter)
  [ -z "$l" ] || fail "run $run (killed after $delay ms): left $l"
  ls -A "$W" | grep -q '\.part' && hidden=$((hidden + 1))
  R=$(probe "$W/t.db")
  case $MODE in
    restore | apply)
      if [ "$R" = "$A" ]; then old=$((old + 1)); elif [ "$R" = "$B" ]; then new=$((new + 1));
      else fail "run $run (killed after $delay ms): the register is $R"; fi ;;
    backup)
      [ "$R" = "$A" ] || fail "run $run (killed after $delay ms): the register changed: $R"
      if [ -e "$W/copy.db" ]; then
        C=$(probe "$W/copy.db")
        [ "$C" = "$A" ] || fail "run $run (killed after $delay ms): the copy is $C"
        new=$((new + 1))
      else old=$((old + 1)); fi ;;
  esac
  # The next write of the same file clears what the kill left and succeeds.
  rm -f "$W/copy.db"
  if [ "$MODE" = apply ]; then
    op >/dev/null 2>&1  # refused as a replay when the killed one had committed
    [ "$(probe "$W/t.db")" = "$B" ] || fail "run $run: the change package after the kill"
  else
    op >/dev/null 2>"$TMP/op.err" || { cat "$TMP/op.err"; fail "run $run: the $MODE after the kill"; }
  fi
  ls -A "$W" | grep -q '\.part' && fail "run $run: a temporary file outlived the next $MODE: $(ls -A "$W")"
done
echo "killed $RUNS runs of $MODE: $old left the old state, $new the new one ($hidden left a hidden temporary file, removed by the next $MODE); all sound"

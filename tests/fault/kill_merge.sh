#!/bin/bash
# Fault test: `dangbo-cli merge` of three former communes (colliding codes) is killed (SIGKILL) at RUNS random
# moments. After each kill the register must be sound (integrity, foreign keys) and hold either the whole merge
# (members, old codes, its one audit row) or none of it. Usage: kill_merge.sh DANGBO_CLI [RUNS]
set -u
CLI=$1
RUNS=${2:-20}
TMP=$(mktemp -d /tmp/dangbo-killmerge-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export DANGBO_FAST_HASH=1
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is not installed"

MEMBERS=${KILL_MERGE_MEMBERS:-1500}
python3 - "$TMP" "$MEMBERS" <<'PY'
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
family = ["Lò", "Cầm", "Quàng", "Lường", "Tòng", "Hoàng", "Vì", "Điêu"]
given = ["Pằn", "Ơn", "Ánh", "Bình", "Chiến", "Dũng", "Đào", "Hải", "Hương", "Khánh"]
for s in range(3):
    d = os.path.join(out, f"s{s + 1}")
    os.makedirs(d)
    with open(os.path.join(d, "to_chuc.csv"), "w", encoding="utf-8") as f:
        f.write("Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy\n")
        for c in range(1, 21):
            f.write(f"CB{c:02d},Chi bộ bản {s}-{c},co_so,ban,2000-01-01,Không\n")
    with open(os.path.join(d, "dang_vien.csv"), "w", encoding="utf-8") as f:
        f.write("Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
                "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,"
                "Ngày thay đổi tình trạng\n")
        for i in range(n):
            name = f"{family[i % 8]} Văn {given[(i // 8) % 10]} {s} {i}"
            f.write(f"DV{i:05d},{name},{1950 + i % 30},Nam,Thái,Không,Sơn La,Bản,12/12,khong,chua,Nông dân,"
                    f"CB{1 + i % 20:02d},2005-03-01,2006-03-01,Đang sinh hoạt,\n")
PY

"$CLI" --db "$TMP/base.db" init --committee "Đảng bộ xã Phiêng Pằn" 2>/dev/null || fail "init"
ms() { date +%s%3N; }
fresh() {
  rm -f "$TMP/t.db" "$TMP/t.db-wal" "$TMP/t.db-shm"
  cp "$TMP/base.db" "$TMP/t.db"
}
args=(--db "$TMP/t.db" merge --on 2025-07-01 --decision "1234/QĐ-TU" --source "Phiêng Pằn=$TMP/s1"
  --source "Chiềng Lương=$TMP/s2" --source "Nà Ớt=$TMP/s3")
facts() {
  sqlite3 "$TMP/t.db" "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM old_codes),
    (SELECT count(*) FROM audit_log WHERE action = 'register.merge')"
}

fresh
t0=$(ms)
"$CLI" "${args[@]}" >/dev/null 2>"$TMP/merge.err" || { cat "$TMP/merge.err"; fail "the reference merge"; }
SPAN=$(( $(ms) - t0 ))
ALL=$(facts)
[ "$ALL" = "$((3 * MEMBERS))|$((3 * MEMBERS + 60))|1" ] || fail "the reference merge holds $ALL"
echo "reference merge: $ALL (members|old codes|audit rows) in $SPAN ms"

none=0 all=0
for run in $(seq 1 "$RUNS"); do
  fresh
  delay=$(( RANDOM % (SPAN + SPAN / 5 + 1) ))
  # The program itself in the background (not a shell function, whose subshell the kill would hit, leaving
  # the program running beside the checks).
  "$CLI" "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # The next opening recovers or drops what the killed process left in the write-ahead log.
  "$CLI" --db "$TMP/t.db" summary >/dev/null 2>&1 || fail "run $run (killed after $delay ms): the register cannot be opened"
  [ "$(sqlite3 "$TMP/t.db" "PRAGMA integrity_check")" = ok ] || fail "run $run: integrity check failed"
  [ -z "$(sqlite3 "$TMP/t.db" "PRAGMA foreign_key_check")" ] || fail "run $run: broken references"
  f=$(facts)
  if [ "$f" = "0|0|0" ]; then none=$((none + 1))
  elif [ "$f" = "$ALL" ]; then all=$((all + 1))
  else fail "run $run (killed after $delay ms): a partial merge: $f"
  fi
done
echo "$RUNS kills: $none left nothing, $all the whole merge; never a part"
echo "1 passed, 0 failed"

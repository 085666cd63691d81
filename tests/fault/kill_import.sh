#!/bin/bash
# Fault test: `dangbo-cli import` of a large dataset is killed (SIGKILL) at 50 random moments. After each
# kill the file must pass `check` (integrity, foreign keys, audit chain) and hold either the whole import or
# none of it. Usage: kill_import.sh DANGBO_CLI [RUNS]
set -u
CLI=$1
RUNS=${2:-50}
TMP=$(mktemp -d /tmp/dangbo-kill-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export DANGBO_FAST_HASH=1
fail() { echo "FAIL: $*" >&2; exit 1; }

# A clean dataset: 40 cells, MEMBERS members with distinct names, complete fields, all official.
MEMBERS=${KILL_IMPORT_MEMBERS:-5000}
python3 - "$TMP/data" "$MEMBERS" <<'PY'
import os, sys, random
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
rnd = random.Random(7)
cells = 40
with open(os.path.join(out, "to_chuc.csv"), "w", encoding="utf-8") as f:
    f.write("Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n")
    for c in range(1, cells + 1):
        f.write(f"CB{c:02d},Chi bộ bản Thử {c},Chi bộ trực thuộc,Bản,01/01/1970,,,Không\n")
family = ["Lò", "Cầm", "Quàng", "Lường", "Tòng", "Hoàng", "Vì", "Điêu", "Nguyễn", "Trần", "Mùa", "Giàng"]
middle = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Xuân", "Hồng"]
given = ["Pằn", "Ơn", "Ánh", "Bình", "Chiến", "Dũng", "Đào", "Hải", "Hương", "Khánh", "Lan", "Mai", "Nam",
         "Phong", "Quân", "Sơn", "Thắm", "Tú", "Uyên", "Vinh", "Xoan", "Yến"]
with open(os.path.join(out, "dang_vien.csv"), "w", encoding="utf-8") as f:
    f.write("Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên môn,"
            "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Số lý lịch,"
            "Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng\n")
    for i in range(n):
        name = f"{family[i % 12]} {middle[(i // 12) % 8]} {given[(i // 96) % 22]} {i}"
        year = 1950 + i % 30  # admitted at 20 or older (the dialog's rules apply to imports)
        day, month = 1 + i % 28, 1 + (i // 28) % 12
        admitted = 2000 + i % 20
        gender = "Nữ" if middle[(i // 12) % 8] == "Thị" else "Nam"
        f.write(f"DV{i:06d},{name},{day:02d}/{month:02d}/{year},{gender},Thái,Không,Sơn La,Bản Thử,"
                f"{10**11 + i:012d},12/12,Đại học,Trung cấp,Cán bộ,CB{1 + i % cells:02d},"
                f"01/03/{admitted},01/03/{admitted + 1},{i:08d},{i:06d},,Đang sinh hoạt,\n")
PY

"$CLI" --db "$TMP/base.db" init --committee "Đảng bộ xã Thử" 2>/dev/null || fail "init"
ms() { date +%s%3N; }
fresh() {
  rm -f "$TMP/t.db" "$TMP/t.db-wal" "$TMP/t.db-shm"
  cp "$TMP/base.db" "$TMP/t.db"
}
members() { "$CLI" --db "$TMP/t.db" members --as-of 2026-01-01 --format csv | tail -n +2 | wc -l; }

# The whole import, timed: the kills fall within this span.
fresh
t0=$(ms)
"$CLI" --db "$TMP/t.db" import "$TMP/data" >/dev/null 2>"$TMP/import.err" || { cat "$TMP/import.err"; fail "the reference import"; }
SPAN=$(( $(ms) - t0 ))
"$CLI" --db "$TMP/t.db" check --as-of 2026-01-01 >"$TMP/check.out" 2>&1 || { head -5 "$TMP/check.out"; fail "check after the full import"; }
ALL=$(members)
[ "$ALL" -eq "$MEMBERS" ] || fail "the full import holds $ALL members, not $MEMBERS"
echo "reference import: $ALL members in $SPAN ms"

none=0 all=0 midwrite=0
for run in $(seq 1 "$RUNS"); do
  fresh
  # Half the kills anywhere in the run, half in its last part where the transaction is written and committed.
  if [ $((run % 2)) -eq 0 ]; then delay=$(( RANDOM % (SPAN + SPAN / 5 + 1) ))
  else delay=$(( SPAN * 6 / 10 + RANDOM % (SPAN / 2 + 1) )); fi
  "$CLI" --db "$TMP/t.db" import "$TMP/data" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # Killed after writing began: the write-ahead log holds frames that the next open recovers or drops.
  [ -s "$TMP/t.db-wal" ] && midwrite=$((midwrite + 1))
  "$CLI" --db "$TMP/t.db" check --as-of 2026-01-01 >"$TMP/check.out" 2>&1 ||
    { head -5 "$TMP/check.out"; fail "run $run (killed after $delay ms): check failed"; }
  n=$(members)
  if [ "$n" -eq 0 ]; then none=$((none + 1))
  elif [ "$n" -eq "$ALL" ]; then all=$((all + 1))
  else fail "run $run (killed after $delay ms): $n of $ALL members: a partial import"
  fi
done
echo "killed $RUNS imports ($midwrite left a write-ahead log to recover): $none left nothing, $all completed; every file passed check"

#!/usr/bin/env bash
# The layering of design.md: wx only in src/app, SQL only in src/store, core free of SQLite and Boost.
set -uo pipefail
cd "$(dirname "$0")/.."
bad=0
wx=$(grep -rln --include='*.cpp' --include='*.h' '#include <wx/' src | grep -v '^src/app/')
[ -n "$wx" ] && { echo "wx outside src/app:"; echo "$wx"; bad=1; }
sql=$(grep -rlnE --include='*.cpp' --include='*.h' '"(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE|PRAGMA)' src | grep -v '^src/store/')
[ -n "$sql" ] && { echo "SQL outside src/store:"; echo "$sql"; bad=1; }
core=$(grep -rlnE --include='*.cpp' --include='*.h' '#include <(SQLiteCpp|sqlite3|boost|wx)' src/core)
[ -n "$core" ] && { echo "core includes a library it must not:"; echo "$core"; bad=1; }
if [ $bad -ne 0 ]; then echo "0 passed, 1 failed"; exit 1; fi
echo "1 passed, 0 failed"

#include "store/ReadSnapshot.h"

#include <sqlite3.h>

#include "store/Database.h"

namespace dangbo::store {

void pinReadState(Database& db) {
  db.db().exec("BEGIN");
  db.db().execAndGet("SELECT count(*) FROM sqlite_schema");  // the read begins here
}

void unpinReadState(Database& db) noexcept {
  if (sqlite3_get_autocommit(db.db().getHandle()) != 0) return;
  try {
    db.db().exec("COMMIT");
  } catch (const std::exception&) {
  }
}

int64_t dataVersion(Database& db) {
  return db.db().execAndGet("PRAGMA data_version").getInt64();
}

namespace {
int stopWhenSet(void* flag) {
  return static_cast<const std::atomic<bool>*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}
}  // namespace

void stopWhen(Database& db, const std::atomic<bool>* stop) {
  sqlite3_progress_handler(db.db().getHandle(), 1000, stopWhenSet, const_cast<std::atomic<bool>*>(stop));
}

}  // namespace dangbo::store

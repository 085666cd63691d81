#include "bench/import_floor.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "bench/bench_clock.h"
#include "services/Services.h"
#include "store/Database.h"
#include "store/ImportRepository.h"

namespace dangbo::bench {

namespace {
namespace fs = std::filesystem;

void removeRegister(const fs::path& file) {
  for (const char* end : {"", "-wal", "-shm"}) fs::remove(fs::path(file.string() + end));
}

// The tables whose rows are stored facts: not SQLite's own, not the name index's (an FTS5 table and its
// shadow tables) nor the members' counts, which the bulk load builds from the members.
std::vector<std::string> storedTables(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db,
                      "SELECT name FROM o.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                      "AND name NOT LIKE 'member_search%' AND name <> 'member_counts' ORDER BY rowid");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace

std::array<double, 2> importFloor(const fs::path& filled, const fs::path& scratch) {
  removeRegister(scratch);
  const auto figures = measuredInChild([&] {
    // A new register of the same schema and seed rows, as the benchmark's own was made before its import.
    services::Services::create(scratch, {"Đảng bộ tỉnh Thử", "Thử", "Thử", "", ""}).reset();
    auto db = store::Database::open(scratch);
    auto& sql = db->db();
    sql.exec("ATTACH DATABASE '" + filled.string() + "' AS o");
    const auto tables = storedTables(sql);
    store::ImportRepository repo(*db);
    const auto t0 = Clock::now();
    const double c0 = cpuMs();
    repo.beginBulkWrite();
    db->transactionWithoutWal([&] {  // as a first load of dangbo-cli import
      db->deferForeignKeys();
      const auto dropped = repo.dropSecondaryIndexes({"members", "member_events"});
      // The seed rows a new register already holds (its ethnic groups, holidays, the audit row of its making)
      // are skipped by the conflict on their keys.
      for (const auto& t : tables)
        sql.exec("INSERT OR IGNORE INTO main.\"" + t + "\" SELECT * FROM o.\"" + t + "\"");
      repo.rebuildIndexes(dropped);
    });
    repo.endBulkWrite();
    return std::array<double, 2>{msSince(t0), cpuMs() - c0};
  });
  removeRegister(scratch);
  return figures;
}

}  // namespace dangbo::bench

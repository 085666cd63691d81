#include "store/MemberCounts.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/DomainRules.h"
#include "store/MemberRows.h"

namespace dangbo::store {

using rows::str;

namespace {
constexpr const char* kTriggerPrefix = "CREATE TRIGGER member_counts_";

// The rows of member_counts as `select` gives them (cell, ethnic group, present, members).
std::map<MemberCountKey, int64_t> countRows(Database& database, const std::string& select) {
  std::map<MemberCountKey, int64_t> out;
  SQLite::Statement q(database.db(), select);
  while (q.executeStep())
    if (const int64_t n = q.getColumn(3).getInt64(); n != 0)
      out[{q.getColumn(0).getInt64(), str(q.getColumn(1)), q.getColumn(2).getInt()}] = n;
  return out;
}
}  // namespace

PresentCounts presentCountsKept(Database& database, const core::Date& day) {
  auto& db = database.db();
  PresentCounts out;
  // The cells with a member whose state may differ on the day from the one kept (a date after it).
  SQLite::Statement d(db, "SELECT DISTINCT cell_id FROM member_counts WHERE latest > ?1");
  d.bind(1, day.iso());
  std::string dirty;
  while (d.executeStep()) dirty += (dirty.empty() ? "" : ",") + std::to_string(d.getColumn(0).getInt64());
  SQLite::Statement kept(db,
                         "SELECT cell_id, ethnicity, members FROM member_counts WHERE present = 1 AND "
                         "members <> 0 AND cell_id NOT IN (" +
                             dirty + ")");
  while (kept.executeStep())
    out.byCellAndEthnicity[{kept.getColumn(0).getInt64(), str(kept.getColumn(1))}] +=
        kept.getColumn(2).getInt64();
  if (dirty.empty()) return out;
  // Their members (those whose settled cell is one of them) counted on the day as presentCounts counts.
  SQLite::Statement c(
      db, "SELECT cell, ethnicity, count(*) FROM (SELECT " + rule::kCellOnDay +
              " AS cell, coalesce(m.ethnicity, '') AS ethnicity FROM members m WHERE m.id IN (SELECT id FROM "
              "members WHERE cell_id IN (" +
              dirty + ") UNION SELECT member_id FROM member_events WHERE to_cell IN (" + dirty +
              ")) AND (SELECT k.cell_id FROM member_count_keys k WHERE k.id = m.id) IN (" + dirty + ") AND " +
              rule::kPresentOn + ") GROUP BY cell, ethnicity");
  c.bind(1, day.iso());
  while (c.executeStep())
    out.byCellAndEthnicity[{c.getColumn(0).getInt64(), str(c.getColumn(1))}] += c.getColumn(2).getInt64();
  return out;
}

std::map<MemberCountKey, int64_t> keptMemberCounts(Database& db) {
  return countRows(db, "SELECT cell_id, ethnicity, present, members FROM member_counts");
}

std::map<MemberCountKey, int64_t> freshMemberCounts(Database& db) {
  return countRows(db,
                   "SELECT cell_id, ethnicity, present, count(*) FROM member_count_keys GROUP BY cell_id, "
                   "ethnicity, present");
}

bool memberCountBoundsHold(Database& database) {
  return database.db()
             .execAndGet(
                 "SELECT count(*) FROM (SELECT cell_id, ethnicity, present, max(latest) AS latest FROM "
                 "member_count_keys GROUP BY cell_id, ethnicity, present) f LEFT JOIN member_counts k "
                 "USING (cell_id, ethnicity, present) WHERE k.latest IS NULL OR k.latest < f.latest")
             .getInt64() == 0;
}

std::vector<std::string> suspendMemberCounts(Database& database) {
  auto& db = database.db();
  std::vector<std::string> names, definitions;
  SQLite::Statement q(db,
                      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE "
                      "'member\\_counts\\_%' ESCAPE '\\' ORDER BY name");
  while (q.executeStep()) {
    names.push_back(q.getColumn(0).getString());
    definitions.push_back(q.getColumn(1).getString());
  }
  for (const auto& name : names) db.exec("DROP TRIGGER \"" + name + "\"");
  return definitions;
}

void resumeMemberCounts(Database& database, const std::vector<std::string>& triggers) {
  if (triggers.empty()) return;
  auto& db = database.db();
  db.exec("DELETE FROM member_counts");
  // Each member's keys computed once (MATERIALIZED): grouped over the view directly, SQLite evaluates the
  // view's subquery of the settled cell twice a member (for the group and for the row), about a fifth more.
  db.exec(
      "INSERT INTO member_counts (cell_id, ethnicity, present, members, latest) WITH k AS MATERIALIZED "
      "(SELECT cell_id, ethnicity, present, latest FROM member_count_keys) SELECT cell_id, ethnicity, "
      "present, count(*), max(latest) FROM k GROUP BY cell_id, ethnicity, present");
  for (const auto& sql : triggers) db.exec(sql);
}

bool isMemberCountsTrigger(const std::string& definition) {
  return definition.rfind(kTriggerPrefix, 0) == 0;
}

}  // namespace dangbo::store

#include "store/OriginCopy.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "store/DomainRules.h"

namespace dangbo::store {

std::vector<std::string> organizationOrigins(Database& db) {
  SQLite::Statement q(db.db(), "SELECT DISTINCT origin FROM organizations ORDER BY origin");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

namespace {

// A foreign key of the copy: table.column -> parent (its key column), and whether the column may be null.
struct ForeignKey {
  std::string table, column, parent, parentColumn;
  bool notNull = false;
};

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<ForeignKey> foreignKeys(SQLite::Database& c) {
  std::vector<std::string> tables;
  SQLite::Statement t(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (t.executeStep()) tables.push_back(t.getColumn(0).getString());
  std::vector<ForeignKey> out;
  for (const auto& table : tables) {
    std::set<std::string> notNull;
    SQLite::Statement info(c, "SELECT name, \"notnull\" FROM pragma_table_info(?)");
    info.bind(1, table);
    while (info.executeStep())
      if (info.getColumn(1).getInt() != 0) notNull.insert(info.getColumn(0).getString());
    SQLite::Statement fk(
        c, "SELECT \"table\", \"from\", coalesce(\"to\", 'id') FROM pragma_foreign_key_list(?)");
    fk.bind(1, table);
    while (fk.executeStep()) {
      ForeignKey k{table, fk.getColumn(1).getString(), fk.getColumn(0).getString(),
                   fk.getColumn(2).getString()};
      k.notNull = notNull.count(k.column) > 0;
      out.push_back(std::move(k));
    }
  }
  return out;
}

bool hasColumns(SQLite::Database& c, const std::string& table, const std::set<std::string>& names) {
  SQLite::Statement info(c, "SELECT name FROM pragma_table_info(?)");
  info.bind(1, table);
  size_t found = 0;
  while (info.executeStep()) found += names.count(info.getColumn(0).getString());
  return found == names.size();
}

}  // namespace

void writeOriginCopy(Database& db, const std::filesystem::path& out, const std::string& origin,
                     const core::Date& day) {
  db.backupTo(out);
  SQLite::Database c(out.string(), SQLite::OPEN_READWRITE);
  c.exec("PRAGMA foreign_keys = OFF");  // rows are removed in any order; the key pass below tidies up
  SQLite::Transaction tx(c);
  // The copy is only read from now on: the guards of the register (a locked rating round) have no place.
  {
    std::vector<std::string> guards;
    SQLite::Statement g(c, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(%'");
    while (g.executeStep()) guards.push_back(g.getColumn(0).getString());
    for (const auto& name : guards) c.exec("DROP TRIGGER " + quoted(name));
  }
  c.exec("CREATE TEMP TABLE keep_org (id INTEGER PRIMARY KEY)");
  c.exec("CREATE TEMP TABLE keep_member (id INTEGER PRIMARY KEY)");
  {
    SQLite::Statement q(c, "INSERT INTO keep_org SELECT id FROM organizations WHERE origin = ?");
    q.bind(1, origin);
    q.exec();
  }
  {
    // The origin of the cell on the day; for a cell without one that the member moved into (a new cell of a
    // merger), the origin of the last cell with one they left before the day.
    SQLite::Statement q(
        c,
        "INSERT INTO keep_member SELECT m.id FROM members m WHERE coalesce(nullif((SELECT o.origin FROM "
        "organizations o WHERE o.id = (" +
            rule::kCellOnDay +
            ")), ''), (SELECT o.origin FROM member_events e JOIN organizations o ON o.id = e.from_cell WHERE "
            "e.member_id = m.id AND e.date <= ?1 AND o.origin <> '' ORDER BY e.date DESC, e.id DESC LIMIT "
            "1), "
            "'') = ?2");
    q.bind(1, day.iso());
    q.bind(2, origin);
    q.exec();
  }
  c.exec("DELETE FROM members WHERE id NOT IN (SELECT id FROM keep_member)");
  c.exec("DELETE FROM candidates WHERE cell_id NOT IN (SELECT id FROM keep_org)");
  c.exec(
      "UPDATE organizations SET founded = '1800-01-01', ceased = '1800-01-01' WHERE id NOT IN (SELECT id "
      "FROM "
      "keep_org)");
  {
    SQLite::Statement q(c, "DELETE FROM targets WHERE origin <> ?");
    q.bind(1, origin);
    q.exec();
  }
  // Rows about a subject (a member or an organization): those of a subject left out go.
  std::vector<std::string> tables;
  {
    SQLite::Statement t(c,
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (t.executeStep()) tables.push_back(t.getColumn(0).getString());
  }
  const auto keys = foreignKeys(c);
  // Until nothing changes: a removed row may be needed by others (a meeting's attendance, a decision's
  // complaints). A column that cannot be empty takes its row with it; one that can loses the name only.
  for (int changed = 1; changed > 0;) {
    changed = 0;
    for (const auto& t : tables)
      if (hasColumns(c, t, {"subject_type", "subject_id"}))
        changed +=
            c.exec("DELETE FROM " + quoted(t) +
                   " WHERE (subject_type = 'dang_vien' AND subject_id NOT IN (SELECT id FROM members)) OR "
                   "(subject_type = 'to_chuc' AND subject_id NOT IN (SELECT id FROM keep_org))");
    for (const auto& k : keys) {
      const bool organization = k.parent == "organizations";
      // A member's or a candidate's own cell is judged above (by the day); an organization's links to other
      // organizations (merged into, parent) stay.
      if (organization && (!k.notNull || k.table == "members" || k.table == "candidates" ||
                           k.table == "organizations" || k.table == "users"))
        continue;
      const std::string parentRows = organization
                                         ? "SELECT id FROM keep_org"
                                         : "SELECT " + quoted(k.parentColumn) + " FROM " + quoted(k.parent);
      const std::string missing =
          quoted(k.column) + " IS NOT NULL AND " + quoted(k.column) + " NOT IN (" + parentRows + ")";
      changed +=
          k.notNull
              ? c.exec("DELETE FROM " + quoted(k.table) + " WHERE " + missing)
              : c.exec("UPDATE " + quoted(k.table) + " SET " + quoted(k.column) + " = NULL WHERE " + missing);
    }
  }
  c.exec("DROP TABLE keep_member");
  c.exec("DROP TABLE keep_org");
  tx.commit();
}

}  // namespace dangbo::store

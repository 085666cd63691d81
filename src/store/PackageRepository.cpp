#include "store/PackageRepository.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include <sqlite3.h>

#include "core/Errors.h"
#include "core/I18n.h"
#include "store/Sql.h"

namespace dangbo::store {

using core::DataError;
using core::format;
using core::PackageTable;
using core::PackageValue;
using core::tr;

namespace {

// The tables a cell package carries, in the order they are written, with the rows of cell ?1.
struct TableSpec {
  const char* name;
  const char* where;  // condition on the rows, with ?1 the cell's id; nullptr: every row
  bool replace;       // settings: the rows of the fresh file are replaced
};
#define kCellMeetings                                                                                   \
  "cell_id = ?1 AND (chair_id IS NULL OR chair_id IN (SELECT id FROM members WHERE cell_id = ?1)) AND " \
  "(minutes_by IS NULL OR minutes_by IN (SELECT id FROM members WHERE cell_id = ?1))"
const TableSpec kTables[] = {
    {"committee", nullptr, false},
    {"rule_values", nullptr, true},
    {"holidays", nullptr, true},
    {"lunar_anchors", nullptr, true},
    {"organizations", "id = ?1", false},
    {"cell_committees", "org_id = ?1", false},
    {"members", "cell_id = ?1", false},
    {"member_events", "member_id IN (SELECT id FROM members WHERE cell_id = ?1)", false},
    {"trainings", "member_id IN (SELECT id FROM members WHERE cell_id = ?1)", false},
    {"recognitions", "member_id IN (SELECT id FROM members WHERE cell_id = ?1)", false},
    {"cell_leaders", "org_id = ?1", false},
    {"candidates", "cell_id = ?1", false},
    {"candidate_helpers", "candidate_id IN (SELECT id FROM candidates WHERE cell_id = ?1)", false},
    {"candidate_checks", "candidate_id IN (SELECT id FROM candidates WHERE cell_id = ?1)", false},
    {"rating_rounds", "status = 'open'", false},
    {"ratings", "cell_id = ?1 AND year IN (SELECT year FROM rating_rounds WHERE status = 'open')", false},
    // The cell's monthly work (migration 0014): its meetings and their attendance, its members' dues basis,
    // leaves and the payments it collected.
    // Only rows whose members the package carries (those who moved away since stay at the office).
    {"meetings", kCellMeetings, false},
    {"meeting_attendance",
     "meeting_id IN (SELECT id FROM meetings WHERE " kCellMeetings
     ") AND member_id IN (SELECT id FROM members "
     "WHERE cell_id = ?1)",
     false},
    {"activity_leaves", "member_id IN (SELECT id FROM members WHERE cell_id = ?1)", false},
    {"dues_bases", "member_id IN (SELECT id FROM members WHERE cell_id = ?1)", false},
    {"dues_payments", "cell_id = ?1 AND member_id IN (SELECT id FROM members WHERE cell_id = ?1)", false},
};
#undef kCellMeetings
// Columns of the committee row that belong to the file, not to the committee.
const std::set<std::string> kCommitteeOwnColumns = {"id", "revision", "database_id", "created_at"};

const TableSpec* spec(const std::string& table) {
  for (const auto& t : kTables)
    if (table == t.name) return &t;
  return nullptr;
}

std::string ident(const std::string& identifier) {
  std::string q = "\"";
  for (char c : identifier) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

PackageValue fromColumn(const SQLite::Column& c) {
  PackageValue v;
  switch (c.getType()) {
    case SQLITE_INTEGER:
      v.kind = PackageValue::Integer;
      v.data = std::to_string(c.getInt64());
      break;
    case SQLITE_FLOAT: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", c.getDouble());
      v.kind = PackageValue::Real;
      v.data = buf;
      break;
    }
    case SQLITE_TEXT:
      v.kind = PackageValue::Text;
      v.data = c.getString();
      break;
    case SQLITE_BLOB:
      v.kind = PackageValue::Blob;
      v.data.assign(static_cast<const char*>(c.getBlob()), static_cast<size_t>(c.getBytes()));
      break;
    default:
      break;
  }
  return v;
}

void bindValue(SQLite::Statement& q, int i, const PackageValue& v) {
  switch (v.kind) {
    case PackageValue::Integer: {
      int64_t n = 0;
      auto [end, ec] = std::from_chars(v.data.data(), v.data.data() + v.data.size(), n);
      if (ec != std::errc() || end != v.data.data() + v.data.size())
        throw DataError(format(tr("The package holds an invalid number: {1}."), {v.data}));
      q.bind(i, static_cast<int64_t>(n));
      break;
    }
    case PackageValue::Real: {
      char* end = nullptr;
      double d = std::strtod(v.data.c_str(), &end);
      if (v.data.empty() || end != v.data.c_str() + v.data.size())
        throw DataError(format(tr("The package holds an invalid number: {1}."), {v.data}));
      q.bind(i, d);
      break;
    }
    case PackageValue::Text:
      q.bind(i, v.data);
      break;
    case PackageValue::Blob:
      q.bind(i, v.data.data(), static_cast<int>(v.data.size()));
      break;
    case PackageValue::Null:
      q.bind(i);
      break;
    default:
      throw DataError(tr("The package holds a value of an unknown kind."));
  }
}

}  // namespace

std::vector<std::string> PackageRepository::columnsOf(const std::string& table) {
  std::vector<std::string> cols;
  SQLite::Statement q(db_.db(), "SELECT name FROM pragma_table_info(?1) ORDER BY cid");
  q.bind(1, table);
  while (q.executeStep()) cols.push_back(q.getColumn(0).getString());
  return cols;
}

bool PackageRepository::hasColumn(const std::string& table, const std::string& column) {
  if (!spec(table)) return false;
  auto cols = columnsOf(table);
  return std::find(cols.begin(), cols.end(), column) != cols.end();
}

std::string PackageRepository::databaseId() {
  SQLite::Statement q(db_.db(), "SELECT database_id FROM committee WHERE id = 1");
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void PackageRepository::setDatabaseId(const std::string& id) {
  SQLite::Statement q(db_.db(), "UPDATE committee SET database_id = ?1 WHERE id = 1");
  q.bind(1, id);
  q.exec();
}

std::vector<PackageTable> PackageRepository::cellTables(int64_t cellId) {
  std::vector<PackageTable> out;
  for (const auto& t : kTables) {
    PackageTable table;
    table.name = t.name;
    for (const auto& c : columnsOf(t.name))
      if (table.name != "committee" || !kCommitteeOwnColumns.count(c)) table.columns.push_back(c);
    std::string select = "SELECT rowid";
    for (const auto& c : table.columns) select += ", " + ident(c);
    select += " FROM " + ident(t.name);
    if (t.where) select += std::string(" WHERE ") + t.where;
    select += " ORDER BY rowid";
    SQLite::Statement q(db_.db(), select);
    if (t.where && std::string(t.where).find("?1") != std::string::npos)
      q.bind(1, static_cast<int64_t>(cellId));
    while (q.executeStep()) {
      core::PackageRow row;
      row.id = q.getColumn(0).getInt64();
      for (int i = 0; i < static_cast<int>(table.columns.size()); ++i)
        row.values.push_back(fromColumn(q.getColumn(i + 1)));
      table.rows.push_back(std::move(row));
    }
    out.push_back(std::move(table));
  }
  return out;
}

void PackageRepository::writeCellTables(const std::vector<PackageTable>& tables) {
  db_.deferForeignKeys();
  std::set<std::string> seen;
  for (const auto& table : tables) {
    const TableSpec* s = spec(table.name);
    if (!s || !seen.insert(table.name).second)
      throw DataError(format(tr("The package holds an unexpected table: {1}."), {table.name}));
    auto known = columnsOf(table.name);
    // Columns this file does not have are left out (a package from a slightly different version).
    std::vector<int> keep;
    std::set<std::string> cols;
    for (int i = 0; i < static_cast<int>(table.columns.size()); ++i) {
      const std::string& c = table.columns[i];
      if (!cols.insert(c).second)
        throw DataError(format(tr("The package holds an unexpected table: {1}."), {table.name}));
      if (std::find(known.begin(), known.end(), c) == known.end()) continue;
      if (table.name == "committee" && kCommitteeOwnColumns.count(c)) continue;
      keep.push_back(i);
    }
    for (const auto& row : table.rows)
      if (row.values.size() != table.columns.size())
        throw DataError(format(tr("The package holds an unexpected table: {1}."), {table.name}));
    if (keep.empty()) continue;
    if (table.name == "committee") {
      if (table.rows.size() != 1)
        throw DataError(format(tr("The package holds an unexpected table: {1}."), {table.name}));
      std::string sql = "UPDATE committee SET ";
      for (size_t k = 0; k < keep.size(); ++k)
        sql += (k ? ", " : "") + ident(table.columns[keep[k]]) + " = ?";
      sql += " WHERE id = 1";
      SQLite::Statement q(db_.db(), sql);
      for (size_t k = 0; k < keep.size(); ++k)
        bindValue(q, static_cast<int>(k + 1), table.rows[0].values[keep[k]]);
      q.exec();
      continue;
    }
    if (s->replace) db_.db().exec("DELETE FROM " + ident(table.name));
    std::string sql = "INSERT INTO " + ident(table.name) + " (";
    for (size_t k = 0; k < keep.size(); ++k) sql += (k ? ", " : "") + ident(table.columns[keep[k]]);
    sql += ") VALUES (";
    for (size_t k = 0; k < keep.size(); ++k) sql += k ? ", ?" : "?";
    sql += ")";
    SQLite::Statement q(db_.db(), sql);
    for (const auto& row : table.rows) {
      for (size_t k = 0; k < keep.size(); ++k) bindValue(q, static_cast<int>(k + 1), row.values[keep[k]]);
      try {
        q.exec();
      } catch (const SQLite::Exception& e) {
        throw DataError(
            format(tr("A row of {1} in the package cannot be written: {2}"), {table.name, e.what()}));
      }
      q.reset();
      q.clearBindings();
    }
  }
  // References to rows the package does not carry: cleared when optional, the row left out when required.
  for (int pass = 0; pass < 4; ++pass) {
    struct Violation {
      std::string table;
      int64_t rowid;
      int fkid;
    };
    std::vector<Violation> found;
    {
      SQLite::Statement q(db_.db(), "SELECT \"table\", rowid, fkid FROM pragma_foreign_key_check");
      while (q.executeStep())
        found.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt()});
    }
    if (found.empty()) return;
    for (const auto& v : found) {
      std::string column;
      SQLite::Statement fk(db_.db(), "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2");
      fk.bind(1, v.table);
      fk.bind(2, v.fkid);
      if (fk.executeStep()) column = fk.getColumn(0).getString();
      bool required = true;
      SQLite::Statement info(db_.db(), "SELECT \"notnull\" FROM pragma_table_info(?1) WHERE name = ?2");
      info.bind(1, v.table);
      info.bind(2, column);
      if (info.executeStep()) required = info.getColumn(0).getInt() != 0;
      if (column.empty() || required) {
        SQLite::Statement del(db_.db(), "DELETE FROM " + ident(v.table) + " WHERE rowid = ?1");
        del.bind(1, static_cast<int64_t>(v.rowid));
        del.exec();
      } else {
        SQLite::Statement upd(
            db_.db(), "UPDATE " + ident(v.table) + " SET " + ident(column) + " = NULL WHERE rowid = ?1");
        upd.bind(1, static_cast<int64_t>(v.rowid));
        upd.exec();
      }
    }
  }
  throw DataError(tr("The rows of the package do not fit together."));
}

PackageTable PackageRepository::rows(const std::string& table) {
  if (!spec(table)) throw DataError(format(tr("The package holds an unexpected table: {1}."), {table}));
  PackageTable t;
  t.name = table;
  t.columns = columnsOf(table);
  std::string select = "SELECT rowid";
  for (const auto& c : t.columns) select += ", " + ident(c);
  select += " FROM " + ident(table) + " ORDER BY rowid";
  SQLite::Statement q(db_.db(), select);
  while (q.executeStep()) {
    core::PackageRow row;
    row.id = q.getColumn(0).getInt64();
    for (int i = 0; i < static_cast<int>(t.columns.size()); ++i)
      row.values.push_back(fromColumn(q.getColumn(i + 1)));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::optional<PackageValue> PackageRepository::value(const std::string& table, int64_t id,
                                                     const std::string& column) {
  if (!hasColumn(table, column)) return std::nullopt;
  SQLite::Statement q(db_.db(), "SELECT " + ident(column) + " FROM " + ident(table) + " WHERE rowid = ?1");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return fromColumn(q.getColumn(0));
}

void PackageRepository::setValue(const std::string& table, int64_t id, const std::string& column,
                                 const PackageValue& v) {
  if (!hasColumn(table, column))
    throw DataError(format(tr("The package changes an unknown field: {1}."), {table + "." + column}));
  SQLite::Statement q(db_.db(),
                      "UPDATE " + ident(table) + " SET " + ident(column) + " = ?1 WHERE rowid = ?2");
  bindValue(q, 1, v);
  q.bind(2, static_cast<int64_t>(id));
  try {
    q.exec();
  } catch (const SQLite::Exception& e) {
    throw DataError(format(tr("The change of {1} cannot be written: {2}"), {table + "." + column, e.what()}));
  }
}

std::optional<int64_t> PackageRepository::findRow(const std::string& table,
                                                  const std::vector<std::string>& columns,
                                                  const std::vector<PackageValue>& values) {
  if (columns.empty() || columns.size() != values.size()) return std::nullopt;
  for (const auto& c : columns)
    if (!hasColumn(table, c))
      throw DataError(format(tr("The package changes an unknown field: {1}."), {table + "." + c}));
  std::string sql = "SELECT rowid FROM " + ident(table) + " WHERE ";
  for (size_t i = 0; i < columns.size(); ++i)
    sql += (i ? " AND " : "") + ident(columns[i]) + " IS ?" + std::to_string(i + 1);
  sql += " ORDER BY rowid LIMIT 1";
  SQLite::Statement q(db_.db(), sql);
  for (size_t i = 0; i < values.size(); ++i) bindValue(q, static_cast<int>(i + 1), values[i]);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

int64_t PackageRepository::insertRow(const std::string& table, const std::vector<std::string>& columns,
                                     const std::vector<PackageValue>& values) {
  if (columns.empty() || columns.size() != values.size())
    throw DataError(format(tr("The package holds an unexpected table: {1}."), {table}));
  for (const auto& c : columns)
    if (!hasColumn(table, c))
      throw DataError(format(tr("The package changes an unknown field: {1}."), {table + "." + c}));
  std::string sql = "INSERT INTO " + ident(table) + " (";
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + ident(columns[i]);
  sql += ") VALUES (";
  for (size_t i = 0; i < columns.size(); ++i) sql += i ? ", ?" : "?";
  sql += ")";
  SQLite::Statement q(db_.db(), sql);
  for (size_t i = 0; i < values.size(); ++i) bindValue(q, static_cast<int>(i + 1), values[i]);
  try {
    q.exec();
  } catch (const SQLite::Exception& e) {
    throw DataError(format(tr("A row of {1} in the package cannot be written: {2}"), {table, e.what()}));
  }
  return db_.db().getLastInsertRowid();
}

void PackageRepository::recordExport(const PackageExport& e) {
  SQLite::Statement q(
      db_.db(),
      "INSERT INTO package_exports (id, cell_id, revision, exported_at, exported_by) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, e.id);
  q.bind(2, static_cast<int64_t>(e.cellId));
  q.bind(3, static_cast<int64_t>(e.revision));
  q.bind(4, e.exportedAt);
  q.bind(5, e.exportedBy);
  q.exec();
}

namespace {
PackageExport readExport(SQLite::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
          q.getColumn(3).getString(), q.getColumn(4).getString()};
}
}  // namespace

std::optional<PackageExport> PackageRepository::exportById(const std::string& id) {
  SQLite::Statement q(
      db_.db(), "SELECT id, cell_id, revision, exported_at, exported_by FROM package_exports WHERE id = ?1");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return readExport(q);
}

std::optional<PackageExport> PackageRepository::latestExport(int64_t cellId) {
  SQLite::Statement q(
      db_.db(),
      "SELECT id, cell_id, revision, exported_at, exported_by FROM package_exports WHERE cell_id = ?1 "
      "ORDER BY revision DESC, rowid DESC LIMIT 1");
  q.bind(1, static_cast<int64_t>(cellId));
  if (!q.executeStep()) return std::nullopt;
  return readExport(q);
}

bool PackageRepository::importApplied(const std::string& id) {
  SQLite::Statement q(db_.db(), "SELECT 1 FROM package_imports WHERE id = ?1");
  q.bind(1, id);
  return q.executeStep();
}

void PackageRepository::recordImport(const std::string& id, const std::string& exportId,
                                     const std::string& secretary, const std::string& appliedBy, int accepted,
                                     int declined) {
  SQLite::Statement q(
      db_.db(),
      "INSERT INTO package_imports (id, export_id, secretary, applied_at, applied_by, accepted, declined) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, exportId);
  q.bind(3, secretary);
  q.bind(4, sql::nowUtc());
  q.bind(5, appliedBy);
  q.bind(6, accepted);
  q.bind(7, declined);
  q.exec();
}

void PackageRepository::saveOrigin(const CellOrigin& o) {
  SQLite::Statement q(
      db_.db(),
      "INSERT OR REPLACE INTO cell_origin (id, export_id, office_id, office_revision, committee, cell_id, "
      "cell_code, opened_at, cell_name, exported_at, exported_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, o.exportId);
  q.bind(2, o.officeId);
  q.bind(3, static_cast<int64_t>(o.officeRevision));
  q.bind(4, o.committee);
  q.bind(5, static_cast<int64_t>(o.cellId));
  q.bind(6, o.cellCode);
  q.bind(7, o.openedAt.empty() ? sql::nowUtc() : o.openedAt);
  q.bind(8, o.cellName);
  q.bind(9, o.exportedAt);
  q.bind(10, o.exportedBy);
  q.exec();
}

std::optional<CellOrigin> PackageRepository::origin() {
  SQLite::Statement q(
      db_.db(),
      "SELECT export_id, office_id, committee, cell_code, opened_at, office_revision, cell_id, cell_name, "
      "exported_at, exported_by FROM cell_origin WHERE id = 1");
  if (!q.executeStep()) return std::nullopt;
  return CellOrigin{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt64(),
                    q.getColumn(6).getInt64(),  q.getColumn(7).getString(), q.getColumn(8).getString(),
                    q.getColumn(9).getString()};
}

void PackageRepository::saveBaseline(const std::vector<PackageTable>& tables) {
  SQLite::Statement q(db_.db(),
                      "INSERT OR REPLACE INTO cell_baseline (tbl, row_id, col, value) VALUES (?, ?, ?, ?)");
  for (const auto& t : tables)
    for (const auto& row : t.rows)
      for (size_t i = 0; i < t.columns.size() && i < row.values.size(); ++i) {
        q.bind(1, t.name);
        q.bind(2, static_cast<int64_t>(row.id));
        q.bind(3, t.columns[i]);
        bindValue(q, 4, row.values[i]);
        q.exec();
        q.reset();
        q.clearBindings();
      }
}

std::optional<PackageValue> PackageRepository::baseline(const std::string& table, int64_t id,
                                                        const std::string& column) {
  SQLite::Statement q(db_.db(),
                      "SELECT value FROM cell_baseline WHERE tbl = ?1 AND row_id = ?2 AND col = ?3");
  q.bind(1, table);
  q.bind(2, static_cast<int64_t>(id));
  q.bind(3, column);
  if (!q.executeStep()) return std::nullopt;
  return fromColumn(q.getColumn(0));
}

// Markers of a table in the baseline: entries no row has (rowids start at 1). Column "": the rows as opened
// are tracked (markTracked); column "*": every row and column as opened is there (markComplete).
void PackageRepository::setMarker(const std::string& table, const char* column) {
  SQLite::Statement q(
      db_.db(), "INSERT OR REPLACE INTO cell_baseline (tbl, row_id, col, value) VALUES (?1, 0, ?2, NULL)");
  q.bind(1, table);
  q.bind(2, column);
  q.exec();
}

bool PackageRepository::hasMarker(const std::string& table, const char* column) {
  SQLite::Statement q(db_.db(), "SELECT 1 FROM cell_baseline WHERE tbl = ?1 AND row_id = 0 AND col = ?2");
  q.bind(1, table);
  q.bind(2, column);
  return q.executeStep();
}

void PackageRepository::markTracked(const std::string& table) {
  setMarker(table, "");
}
bool PackageRepository::tracked(const std::string& table) {
  return hasMarker(table, "");
}

bool PackageRepository::inBaseline(const std::string& table, int64_t id) {
  SQLite::Statement q(db_.db(), "SELECT 1 FROM cell_baseline WHERE tbl = ?1 AND row_id = ?2 LIMIT 1");
  q.bind(1, table);
  q.bind(2, static_cast<int64_t>(id));
  return q.executeStep();
}

std::vector<std::string> PackageRepository::recordTables() {
  std::vector<std::string> out;
  for (const auto& t : kTables)
    if (!t.replace && std::string(t.name) != "committee") out.push_back(t.name);
  return out;
}

void PackageRepository::markComplete(const std::string& table) {
  setMarker(table, "*");
}
bool PackageRepository::complete(const std::string& table) {
  return hasMarker(table, "*");
}

std::map<int64_t, std::map<std::string, PackageValue>> PackageRepository::baselineRows(
    const std::string& table) {
  std::map<int64_t, std::map<std::string, PackageValue>> out;
  SQLite::Statement q(db_.db(), "SELECT row_id, col, value FROM cell_baseline WHERE tbl = ?1 AND row_id > 0");
  q.bind(1, table);
  while (q.executeStep())
    out[q.getColumn(0).getInt64()][q.getColumn(1).getString()] = fromColumn(q.getColumn(2));
  return out;
}

}  // namespace dangbo::store

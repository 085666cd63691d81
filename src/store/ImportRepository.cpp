#include "store/ImportRepository.h"

#include <charconv>
#include <set>
#include <stdexcept>

#include "core/VietText.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace {

// The tables and columns the import may touch.
const std::map<std::string, std::set<std::string>>& allowedColumns() {
  static const std::map<std::string, std::set<std::string>> k = {
      {"organizations", {"code", "name", "kind", "category", "founded", "ceased", "merged_into"}},
      {"members", {"code",        "full_name", "birth_date",        "gender",
                   "ethnicity",   "religion",  "hometown",          "residence",
                   "cccd",        "education", "qualification",     "theory",
                   "occupation",  "cell_id",   "admitted_on",       "official_on",
                   "card_no",     "file_no",   "transferred_in_on", "status",
                   "status_since"}},
      {"candidates",
       {"code", "full_name", "birth_date", "gender", "ethnicity", "cell_id", "listed_on", "certificate_on",
        "sponsor1", "sponsor2", "cell_vote_on", "cell_vote_in_favour", "decision_on", "ceremony_on"}},
      {"ratings", {"year", "subject_type", "subject_id", "level", "cell_id"}},
      {"inspections", {"number", "date", "subject_type", "subject_id", "kind", "conclusion"}},
      {"disciplines",
       {"number", "date", "subject_type", "subject_id", "form", "body", "violation", "violation_on"}},
      {"committee_seats", {"term_id", "member_id", "position"}},
      {"targets", {"key", "from_year", "to_year", "value"}},
  };
  return k;
}

void checkColumn(const std::string& table, const std::string& column) {
  const auto& k = allowedColumns();
  auto t = k.find(table);
  if (t == k.end()) throw std::logic_error("import: table not allowed: " + table);
  if (!t->second.count(column)) throw std::logic_error("import: column not allowed: " + table + "." + column);
}

void checkCodeTable(const std::string& table) {
  if (table != "organizations" && table != "members" && table != "candidates")
    throw std::logic_error("import: no codes in table " + table);
}

std::string quoteName(const std::string& column) {
  return "\"" + column + "\"";
}

void bindValue(SQLite::Statement& q, int i, const std::optional<std::string>& v) {
  if (v)
    q.bind(i, *v);
  else
    q.bind(i);
}

std::string shortestNumber(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// Derived columns kept in step with a name.
void addDerived(const std::string& table, const ImportValues& values, std::vector<std::string>& cols,
                std::vector<std::optional<std::string>>& vals, std::vector<bool>& blob) {
  auto add = [&](const std::string& c, std::string v, bool isBlob) {
    cols.push_back(c);
    vals.push_back(std::move(v));
    blob.push_back(isBlob);
  };
  if (table == "members") {
    auto n = values.find("full_name");
    if (n != values.end() && n->second) {
      add("search_key", core::fold(*n->second), false);
      add("sort_key", core::nameSortKey(*n->second), true);
    }
    add("updated_at", sql::nowUtc(), false);
  } else if (table == "candidates") {
    auto n = values.find("full_name");
    if (n != values.end() && n->second) add("search_key", core::fold(*n->second), false);
  } else if (table == "organizations") {
    auto n = values.find("name");
    if (n != values.end() && n->second) add("search_key", core::fold(*n->second), false);
  }
}

void bindAll(SQLite::Statement& q, const std::vector<std::optional<std::string>>& vals,
             const std::vector<bool>& blob) {
  for (size_t i = 0; i < vals.size(); ++i) {
    if (blob[i] && vals[i])
      q.bind(int(i + 1), vals[i]->data(), int(vals[i]->size()));
    else
      bindValue(q, int(i + 1), vals[i]);
  }
}

}  // namespace

std::optional<core::Id> ImportRepository::idByCode(const std::string& table, const std::string& code) {
  checkCodeTable(table);
  SQLite::Statement q(db_.db(), "SELECT id FROM " + table + " WHERE code = ?");
  q.bind(1, code);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::string ImportRepository::codeById(const std::string& table, core::Id id) {
  checkCodeTable(table);
  SQLite::Statement q(db_.db(), "SELECT code FROM " + table + " WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (q.executeStep()) return q.getColumn(0).getString();
  return {};
}

std::optional<core::Id> ImportRepository::termId(const std::string& name) {
  SQLite::Statement q(db_.db(), "SELECT id FROM terms WHERE name = ?");
  q.bind(1, name);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::string ImportRepository::termName(core::Id id) {
  SQLite::Statement q(db_.db(), "SELECT name FROM terms WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (q.executeStep()) return q.getColumn(0).getString();
  return {};
}

core::Id ImportRepository::insertTerm(const core::Term& t) {
  SQLite::Statement q(db_.db(), "INSERT INTO terms (name, from_year, to_year) VALUES (?, ?, ?)");
  q.bind(1, t.name);
  q.bind(2, t.fromYear);
  q.bind(3, t.toYear);
  q.exec();
  return db_.db().getLastInsertRowid();
}

std::optional<StoredRecord> ImportRepository::find(const std::string& table, const ImportValues& key,
                                                   const std::vector<std::string>& columns) {
  std::string sqlText = "SELECT rowid";
  for (const auto& c : columns) {
    checkColumn(table, c);
    sqlText += ", " + quoteName(c);
  }
  sqlText += " FROM " + table + " WHERE ";
  bool first = true;
  for (const auto& [c, v] : key) {
    checkColumn(table, c);
    if (!first) sqlText += " AND ";
    first = false;
    sqlText += quoteName(c) + (v ? " = ?" : " IS NULL");
  }
  if (first) throw std::logic_error("import: find without a key");
  SQLite::Statement q(db_.db(), sqlText);
  int i = 1;
  for (const auto& [c, v] : key)
    if (v) q.bind(i++, *v);
  if (!q.executeStep()) return std::nullopt;
  StoredRecord r;
  r.rowid = q.getColumn(0).getInt64();
  for (size_t k = 0; k < columns.size(); ++k) {
    SQLite::Column col = q.getColumn(int(k + 1));
    if (col.isNull())
      r.values[columns[k]] = std::nullopt;
    else if (col.isFloat())
      r.values[columns[k]] = shortestNumber(col.getDouble());
    else
      r.values[columns[k]] = col.getString();
  }
  return r;
}

core::Id ImportRepository::insert(const std::string& table, const ImportValues& values) {
  std::vector<std::string> cols;
  std::vector<std::optional<std::string>> vals;
  std::vector<bool> blob;
  for (const auto& [c, v] : values) {
    checkColumn(table, c);
    cols.push_back(c);
    vals.push_back(v);
    blob.push_back(false);
  }
  addDerived(table, values, cols, vals, blob);
  std::string names, marks;
  for (size_t i = 0; i < cols.size(); ++i) {
    names += (i ? ", " : "") + quoteName(cols[i]);
    marks += i ? ", ?" : "?";
  }
  SQLite::Statement q(db_.db(), "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
  bindAll(q, vals, blob);
  q.exec();
  return db_.db().getLastInsertRowid();
}

void ImportRepository::update(const std::string& table, core::Id rowid, const ImportValues& values) {
  if (values.empty()) return;
  std::vector<std::string> cols;
  std::vector<std::optional<std::string>> vals;
  std::vector<bool> blob;
  for (const auto& [c, v] : values) {
    checkColumn(table, c);
    cols.push_back(c);
    vals.push_back(v);
    blob.push_back(false);
  }
  addDerived(table, values, cols, vals, blob);
  std::string set;
  for (size_t i = 0; i < cols.size(); ++i) set += (i ? ", " : "") + quoteName(cols[i]) + " = ?";
  SQLite::Statement q(db_.db(), "UPDATE " + table + " SET " + set + " WHERE rowid = ?");
  bindAll(q, vals, blob);
  q.bind(int(cols.size() + 1), static_cast<int64_t>(rowid));
  q.exec();
}

bool ImportRepository::hasOpenCellCommittee(core::Id orgId) {
  SQLite::Statement q(db_.db(), "SELECT 1 FROM cell_committees WHERE org_id = ? AND to_date IS NULL LIMIT 1");
  q.bind(1, static_cast<int64_t>(orgId));
  return q.executeStep();
}

void ImportRepository::openCellCommittee(core::Id orgId, const std::optional<core::Date>& from) {
  SQLite::Statement q(db_.db(), "INSERT INTO cell_committees (org_id, from_date) VALUES (?, ?)");
  q.bind(1, static_cast<int64_t>(orgId));
  sql::bind(q, 2, from);
  q.exec();
}

void ImportRepository::closeCellCommittee(core::Id orgId, const core::Date& on) {
  SQLite::Statement q(db_.db(),
                      "UPDATE cell_committees SET to_date = ? WHERE org_id = ? AND to_date IS NULL");
  q.bind(1, on.iso());
  q.bind(2, static_cast<int64_t>(orgId));
  q.exec();
}

void ImportRepository::insertMemberEvent(const core::MemberEvent& e) {
  SQLite::Statement q(
      db_.db(),
      "INSERT INTO member_events (member_id, date, kind, from_cell, to_cell, place, decision_no, "
      "reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(e.memberId));
  q.bind(2, e.date.iso());
  q.bind(3, e.kind);
  sql::bind(q, 4, e.fromCell);
  sql::bind(q, 5, e.toCell);
  q.bind(6, e.place);
  q.bind(7, e.decisionNo);
  q.bind(8, e.reason);
  q.bind(9, sql::nowUtc());
  q.exec();
}

core::Id ImportRepository::memberCell(core::Id memberId) {
  SQLite::Statement q(db_.db(), "SELECT cell_id FROM members WHERE id = ?");
  q.bind(1, static_cast<int64_t>(memberId));
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return 0;
}

std::vector<EthnicGroupNames> ImportRepository::ethnicGroups() {
  std::vector<EthnicGroupNames> out;
  SQLite::Statement q(db_.db(), "SELECT code, name, other_names FROM ethnic_groups ORDER BY code");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

std::vector<MemberIdentity> ImportRepository::memberIdentities() {
  std::vector<MemberIdentity> out;
  SQLite::Statement q(
      db_.db(),
      "SELECT code, search_key, coalesce(birth_date, ''), cccd, card_no FROM members ORDER BY code");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString()});
  return out;
}

}  // namespace dangbo::store

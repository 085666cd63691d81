#include "store/ImportRepository.h"

#include <charconv>
#include <map>
#include <set>
#include <stdexcept>

#include <sqlite3.h>

#include "core/VietText.h"
#include "store/MemberCounts.h"
#include "store/SearchIndex.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace {

// The tables and columns the import may touch.
const std::map<std::string, std::set<std::string, std::less<>>, std::less<>>& allowedColumns() {
  static const std::map<std::string, std::set<std::string, std::less<>>, std::less<>> k = {
      {"organizations", {"code", "name", "kind", "category", "founded", "ceased", "merged_into", "origin"}},
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
      {"targets", {"key", "from_year", "to_year", "value", "origin"}},
  };
  return k;
}

void checkColumn(const std::string& table, std::string_view column) {
  const auto& k = allowedColumns();
  auto t = k.find(table);
  if (t == k.end()) throw std::logic_error("import: table not allowed: " + table);
  if (t->second.find(column) == t->second.end())
    throw std::logic_error("import: column not allowed: " + table + "." + std::string(column));
}

void checkCodeTable(const std::string& table) {
  if (table != "organizations" && table != "members" && table != "candidates")
    throw std::logic_error("import: no codes in table " + table);
}

std::string quoteName(std::string_view column) {
  std::string q = "\"";
  q.append(column);
  q += '"';
  return q;
}

std::string shortestNumber(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string_view valueOf(const ImportValues& values, std::string_view column) {
  for (const auto& [c, v] : values)
    if (c == column) return v;
  return {};
}
bool hasValue(const ImportValues& values, std::string_view column) {
  for (const auto& [c, v] : values)
    if (c == column) return true;
  return false;
}

// A value to bind: text, or a blob (the sort key).
struct Bound {
  std::string_view column;
  std::string_view text;
  bool blob = false;
};

// The values followed by the derived columns kept in step with a name; `owned` keeps the derived texts.
std::vector<Bound> withDerived(const std::string& table, const ImportValues& values, const std::string& now,
                               std::string (&owned)[2]) {
  std::vector<Bound> out;
  out.reserve(values.size() + 3);
  for (const auto& [c, v] : values) out.push_back({c, v, false});
  const bool members = table == "members", candidates = table == "candidates";
  if (members || candidates || table == "organizations") {
    const std::string_view nameColumn = table == "organizations" ? "name" : "full_name";
    if (hasValue(values, nameColumn)) {
      const std::string_view name = valueOf(values, nameColumn);
      owned[0] = core::fold(name);
      out.push_back({"search_key", owned[0], false});
      if (members) {
        owned[1] = core::nameSortKey(name);
        out.push_back({"sort_key", owned[1], true});
      }
    }
  }
  if (members) out.push_back({"updated_at", now, false});
  return out;
}

// Binds text through `scratch` (strings reused from call to call, kept until the statement ran: SQLiteCpp
// binds a pointer with a length only as a blob).
void bindAll(SQLite::Statement& q, const std::vector<Bound>& vals, std::vector<std::string>& scratch) {
  if (scratch.size() < vals.size()) scratch.resize(vals.size());
  for (size_t i = 0; i < vals.size(); ++i) {
    const auto& b = vals[i];
    if (b.blob) {
      q.bind(int(i + 1), static_cast<const void*>(b.text.data()), int(b.text.size()));
    } else {
      scratch[i].assign(b.text);
      q.bindNoCopy(int(i + 1), scratch[i]);
    }
  }
}

void bindText(SQLite::Statement& q, int i, std::string_view v, std::string& scratch) {
  scratch.assign(v);
  q.bindNoCopy(i, scratch);
}

// Reads columns 1.. of the current row of `q` into a record.
StoredRecord readRecord(SQLite::Statement& q, size_t columns) {
  StoredRecord r;
  r.rowid = q.getColumn(0).getInt64();
  r.values.reserve(columns);
  for (size_t k = 0; k < columns; ++k) {
    SQLite::Column col = q.getColumn(int(k + 1));
    if (col.isNull())
      r.values.emplace_back(std::nullopt);
    else if (col.isFloat())
      r.values.emplace_back(shortestNumber(col.getDouble()));
    else
      r.values.emplace_back(std::string(col.getText(), static_cast<size_t>(col.getBytes())));
  }
  return r;
}

// Resets a statement when leaving a scope (a pending SELECT would keep its read transaction open).
struct ResetOnExit {
  SQLite::Statement& q;
  ~ResetOnExit() {
    try {
      q.reset();
    } catch (...) {
    }
  }
};

}  // namespace

ImportRepository::ImportRepository(Database& db) : db_(db), now_(sql::nowUtc()) {}
ImportRepository::~ImportRepository() = default;

SQLite::Statement& ImportRepository::prepared(const std::string& sqlText,
                                              const std::function<void()>& checkFirst) {
  auto it = statements_.find(sqlText);
  if (it == statements_.end()) {
    if (checkFirst) checkFirst();
    it = statements_.emplace(sqlText, std::make_unique<SQLite::Statement>(db_.db(), sqlText)).first;
  }
  SQLite::Statement& q = *it->second;
  q.reset();
  q.clearBindings();
  return q;
}

std::set<int> ImportRepository::lockedRatingYears() {
  std::set<int> out;
  SQLite::Statement q(db_.db(), "SELECT year FROM rating_rounds WHERE status = 'locked'");
  while (q.executeStep()) out.insert(q.getColumn(0).getInt());
  return out;
}

std::vector<std::pair<std::string, core::Id>> ImportRepository::idsByCode(const std::string& table) {
  checkCodeTable(table);
  std::vector<std::pair<std::string, core::Id>> out;
  SQLite::Statement q(db_.db(), "SELECT code, id FROM " + table);
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  return out;
}

std::optional<core::Id> ImportRepository::idByCode(const std::string& table, std::string_view code) {
  checkCodeTable(table);
  auto& q = prepared("SELECT id FROM " + table + " WHERE code = ?");
  ResetOnExit r{q};
  bindText(q, 1, code, key_);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::string ImportRepository::codeById(const std::string& table, core::Id id) {
  checkCodeTable(table);
  auto& q = prepared("SELECT code FROM " + table + " WHERE id = ?");
  ResetOnExit r{q};
  q.bind(1, static_cast<int64_t>(id));
  if (q.executeStep()) return q.getColumn(0).getString();
  return {};
}

std::optional<core::Id> ImportRepository::termId(std::string_view name) {
  auto& q = prepared("SELECT id FROM terms WHERE name = ?");
  ResetOnExit r{q};
  bindText(q, 1, name, key_);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::string ImportRepository::termName(core::Id id) {
  auto& q = prepared("SELECT name FROM terms WHERE id = ?");
  ResetOnExit r{q};
  q.bind(1, static_cast<int64_t>(id));
  if (q.executeStep()) return q.getColumn(0).getString();
  return {};
}

core::Id ImportRepository::insertTerm(const core::Term& t) {
  auto& q = prepared("INSERT INTO terms (name, from_year, to_year) VALUES (?, ?, ?)");
  q.bind(1, t.name);
  q.bind(2, t.fromYear);
  q.bind(3, t.toYear);
  q.exec();
  return db_.db().getLastInsertRowid();
}

std::optional<StoredRecord> ImportRepository::find(const std::string& table, const ImportValues& key,
                                                   const std::vector<std::string>& columns) {
  std::string sqlText = "SELECT rowid";
  for (const auto& c : columns) sqlText += ", " + quoteName(c);
  sqlText += " FROM " + table + " WHERE ";
  bool first = true;
  for (const auto& [c, v] : key) {
    if (!first) sqlText += " AND ";
    first = false;
    sqlText += quoteName(c) + " = ?";
  }
  if (first) throw std::logic_error("import: find without a key");
  auto& q = prepared(sqlText, [&] {
    for (const auto& c : columns) checkColumn(table, c);
    for (const auto& [c, v] : key) checkColumn(table, c);
  });
  ResetOnExit r{q};
  int i = 1;
  if (scratch_.size() < key.size()) scratch_.resize(key.size());
  for (const auto& [c, v] : key) {
    scratch_[i - 1].assign(v);
    q.bindNoCopy(i, scratch_[i - 1]);
    ++i;
  }
  if (!q.executeStep()) return std::nullopt;
  return readRecord(q, columns.size());
}

std::optional<StoredRecord> ImportRepository::findById(const std::string& table, core::Id rowid,
                                                       const std::vector<std::string>& columns) {
  std::string sqlText = "SELECT rowid";
  for (const auto& c : columns) sqlText += ", " + quoteName(c);
  sqlText += " FROM " + table + " WHERE rowid = ?";
  auto& q = prepared(sqlText, [&] {
    for (const auto& c : columns) checkColumn(table, c);
  });
  ResetOnExit r{q};
  q.bind(1, static_cast<int64_t>(rowid));
  if (!q.executeStep()) return std::nullopt;
  return readRecord(q, columns.size());
}

core::Id ImportRepository::insert(const std::string& table, const ImportValues& values) {
  std::string owned[2];
  const std::vector<Bound> vals = withDerived(table, values, now_, owned);
  // The statement is kept under its table and column list (a key that is no SQL text): the text is written
  // once per column list, not once per row.
  insertKey_.assign("\x01").append(table);
  for (const auto& b : vals) insertKey_.append(",").append(b.column);
  auto it = statements_.find(insertKey_);
  if (it == statements_.end()) {
    for (const auto& [c, v] : values) checkColumn(table, c);
    std::string sqlText = "INSERT INTO " + table + " (";
    for (size_t i = 0; i < vals.size(); ++i) {
      if (i) sqlText += ", ";
      sqlText += quoteName(vals[i].column);
    }
    sqlText += ") VALUES (";
    for (size_t i = 0; i < vals.size(); ++i) sqlText += i ? ", ?" : "?";
    sqlText += ")";
    it = statements_.emplace(insertKey_, std::make_unique<SQLite::Statement>(db_.db(), sqlText)).first;
  }
  SQLite::Statement& q = *it->second;
  q.reset();  // every parameter is bound below: no need to clear the bindings
  bindAll(q, vals, scratch_);
  q.exec();
  return db_.db().getLastInsertRowid();
}

void ImportRepository::update(const std::string& table, core::Id rowid, const ImportValues& values) {
  if (values.empty()) return;
  std::string owned[2];
  const std::vector<Bound> vals = withDerived(table, values, now_, owned);
  std::string sqlText = "UPDATE " + table + " SET ";
  for (size_t i = 0; i < vals.size(); ++i) sqlText += (i ? ", " : "") + quoteName(vals[i].column) + " = ?";
  sqlText += " WHERE rowid = ?";
  auto& q = prepared(sqlText, [&] {
    for (const auto& [c, v] : values) checkColumn(table, c);
  });
  bindAll(q, vals, scratch_);
  q.bind(int(vals.size() + 1), static_cast<int64_t>(rowid));
  q.exec();
}

bool ImportRepository::hasOpenCellCommittee(core::Id orgId) {
  auto& q = prepared("SELECT 1 FROM cell_committees WHERE org_id = ? AND to_date IS NULL LIMIT 1");
  ResetOnExit r{q};
  q.bind(1, static_cast<int64_t>(orgId));
  return q.executeStep();
}

void ImportRepository::openCellCommittee(core::Id orgId, const std::optional<core::Date>& from) {
  auto& q = prepared("INSERT INTO cell_committees (org_id, from_date) VALUES (?, ?)");
  q.bind(1, static_cast<int64_t>(orgId));
  sql::bind(q, 2, from);
  q.exec();
}

void ImportRepository::closeCellCommittee(core::Id orgId, const core::Date& on) {
  auto& q = prepared("UPDATE cell_committees SET to_date = ? WHERE org_id = ? AND to_date IS NULL");
  q.bind(1, on.iso());
  q.bind(2, static_cast<int64_t>(orgId));
  q.exec();
}

void ImportRepository::insertMemberEvent(const core::MemberEvent& e) {
  static const std::string kInsert =
      "INSERT INTO member_events (member_id, date, kind, from_cell, to_cell, place, decision_no, "
      "reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  // Found once (a bulk load writes an event or two per member): every parameter is bound below.
  if (!eventInsert_) eventInsert_ = &prepared(kInsert);
  auto& q = *eventInsert_;
  q.reset();
  q.bind(1, static_cast<int64_t>(e.memberId));
  q.bind(2, e.date.iso());
  q.bind(3, e.kind);
  sql::bind(q, 4, e.fromCell);
  sql::bind(q, 5, e.toCell);
  q.bind(6, e.place);
  q.bind(7, e.decisionNo);
  q.bind(8, e.reason);
  q.bind(9, now_);
  q.exec();
}

core::Id ImportRepository::memberCell(core::Id memberId) {
  auto& q = prepared("SELECT cell_id FROM members WHERE id = ?");
  ResetOnExit r{q};
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

void ImportRepository::forEachMemberIdentity(const std::function<void(const MemberIdentity&)>& visit) {
  SQLite::Statement q(
      db_.db(),
      "SELECT code, search_key, coalesce(birth_date, ''), cccd, card_no FROM members ORDER BY code");
  MemberIdentity m;
  while (q.executeStep()) {
    m.code = q.getColumn(0).getString();
    m.searchKey = q.getColumn(1).getString();
    m.birthDate = q.getColumn(2).getString();
    m.cccd = q.getColumn(3).getString();
    m.cardNo = q.getColumn(4).getString();
    visit(m);
  }
}

void ImportRepository::beginBulkWrite() {
  if (bulk_) return;
  auto& db = db_.db();
  bulk_ =
      std::pair{db.execAndGet("PRAGMA cache_size").getInt64(), db.execAndGet("PRAGMA temp_store").getInt64()};
  // 128 MiB: the tables and indexes a province-scale import writes stay in memory until the commit (a smaller
  // cache spills dirty pages to the WAL and reads them back many times).
  db.exec("PRAGMA cache_size = -131072");
  // Inside a caller's transaction (a merge runs the import in its own) SQLite refuses to change temp_store.
  if (sqlite3_get_autocommit(db.getHandle())) db.exec("PRAGMA temp_store = MEMORY");
  db.exec("PRAGMA threads = 2");  // index builds (rebuildIndexes) sort with a helper thread
}

void ImportRepository::endBulkWrite() {
  if (!bulk_) return;
  auto& db = db_.db();
  db.exec("PRAGMA cache_size = " + std::to_string(bulk_->first));
  if (sqlite3_get_autocommit(db.getHandle())) db.exec("PRAGMA temp_store = " + std::to_string(bulk_->second));
  db.exec("PRAGMA threads = 0");
  bulk_.reset();
}

namespace {
// The tables rowCount and hasRows may be asked about (their names go into the statement).
const std::string& countedTable(const std::string& table) {
  if (table != "members" && table != "member_events" && table != "organizations")
    throw std::logic_error("ImportRepository counts no table " + table);
  return table;
}
}  // namespace

int64_t ImportRepository::rowCount(const std::string& table) {
  return db_.db().execAndGet("SELECT count(*) FROM " + countedTable(table)).getInt64();
}

bool ImportRepository::hasRows(const std::string& table) {
  return db_.db().execAndGet("SELECT EXISTS (SELECT 1 FROM " + countedTable(table) + ")").getInt() != 0;
}

std::vector<std::string> ImportRepository::dropSecondaryIndexes(const std::vector<std::string>& tables) {
  std::vector<std::string> definitions;
  auto& db = db_.db();
  for (const auto& table : tables) {
    // Named indexes only: the automatic ones (UNIQUE, PRIMARY KEY) have no sql and stay.
    SQLite::Statement q(
        db,
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name");
    q.bind(1, table);
    std::vector<std::string> names;
    while (q.executeStep()) {
      names.push_back(q.getColumn(0).getString());
      definitions.push_back(q.getColumn(1).getString());
    }
    for (const auto& name : names) db.exec("DROP INDEX \"" + name + "\"");
    // The name search index is not kept row by row either: it is rebuilt in one pass at the end; nor the
    // members' counts (their triggers read the events' index): counted afresh at the end.
    if (table == "members")
      for (auto& trigger : deferSearchIndex(true)) definitions.push_back(std::move(trigger));
  }
  statements_.clear();  // prepared plans may name a dropped index
  eventInsert_ = nullptr;
  return definitions;
}

std::vector<std::string> ImportRepository::deferSearchIndex(bool counts) {
  auto definitions = suspendMemberSearchIndex(db_);
  if (counts)
    for (auto& trigger : suspendMemberCounts(db_)) definitions.push_back(std::move(trigger));
  statements_.clear();  // prepared with the triggers dropped (SQLite would prepare them again anyway)
  eventInsert_ = nullptr;
  return definitions;
}

void ImportRepository::rebuildIndexes(const std::vector<std::string>& definitions) {
  std::vector<std::string> triggers, countTriggers;
  for (const auto& sql : definitions)
    if (isMemberSearchTrigger(sql))
      triggers.push_back(sql);
    else if (isMemberCountsTrigger(sql))
      countTriggers.push_back(sql);
    else
      db_.db().exec(sql);
  resumeMemberSearchIndex(db_, triggers);
  resumeMemberCounts(db_, countTriggers);
  statements_.clear();
  eventInsert_ = nullptr;
}

std::vector<MemberIdentity> ImportRepository::memberIdentities() {
  std::vector<MemberIdentity> out;
  forEachMemberIdentity([&](const MemberIdentity& m) { out.push_back(m); });
  return out;
}

}  // namespace dangbo::store

#include "store/ImportRepository.h"

#include <algorithm>
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

using Bound = ImportRepository::Bound;

// The values of a prepared row followed by the columns derived from them: the keys kept in step with the
// name, and a member's time stamp `now`.
void boundOf(const RowToInsert& row, const std::string& now, std::vector<Bound>& out) {
  const bool members = row.table == "members";
  out.clear();
  out.reserve(row.values.size() + 3);
  for (const auto& [c, v] : row.values) out.push_back({c, v, false});
  if (row.named) {
    out.push_back({"search_key", row.searchKey, false});
    if (members) out.push_back({"sort_key", row.sortKey, true});
  }
  if (members) out.push_back({"updated_at", now, false});
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

// An insert run many times with SQLite's own calls: its texts are bound in place, without the copy SQLiteCpp
// would make (the caller keeps them until the statement ran). Failures throw SQLite::Exception, as the
// other statements do.
class ImportRepository::Insert {
 public:
  Insert(sqlite3* db, const std::string& sql) : db_(db) {
    if (int rc = sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &st_, nullptr); rc != SQLITE_OK)
      throw SQLite::Exception(db, rc);
  }
  ~Insert() { sqlite3_finalize(st_); }
  Insert(const Insert&) = delete;
  Insert& operator=(const Insert&) = delete;

  void text(int i, std::string_view v) {
    // A null pointer would bind NULL: an empty text is bound as one.
    check(sqlite3_bind_text(st_, i, v.empty() ? "" : v.data(), int(v.size()), SQLITE_STATIC));
  }
  void blob(int i, std::string_view v) {
    check(sqlite3_bind_blob(st_, i, v.empty() ? "" : v.data(), int(v.size()), SQLITE_STATIC));
  }
  void integer(int i, std::optional<int64_t> v) {
    check(v ? sqlite3_bind_int64(st_, i, *v) : sqlite3_bind_null(st_, i));
  }
  // Runs the statement and makes it ready for the next values (every parameter is bound again).
  void run() {
    const int rc = sqlite3_step(st_);
    sqlite3_reset(st_);
    if (rc != SQLITE_DONE) throw SQLite::Exception(db_, rc);
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

ImportRepository::ImportRepository(Database& db) : db_(db), now_(sql::nowUtc()) {}
ImportRepository::~ImportRepository() = default;

ImportRepository::Insert& ImportRepository::insertOf(const std::string& key,
                                                     const std::function<std::string()>& sql) {
  auto it = inserts_.find(key);
  if (it == inserts_.end())
    it = inserts_.emplace(key, std::make_unique<Insert>(db_.db().getHandle(), sql())).first;
  return *it->second;
}

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

void ImportRepository::prepareInsert(const std::string& table, const ImportValues& values, RowToInsert& out) {
  out.table = table;
  out.values = values;
  const bool members = table == "members";
  const std::string_view nameColumn = table == "organizations"           ? "name"
                                      : members || table == "candidates" ? "full_name"
                                                                         : "";
  out.named = !nameColumn.empty() && hasValue(values, nameColumn);
  out.searchKey.clear();
  out.sortKey.clear();
  if (out.named) {
    const std::string_view name = valueOf(values, nameColumn);
    out.searchKey = core::fold(name);
    if (members) out.sortKey = core::nameSortKey(name);
  }
  // The statement is kept under its table and column list (a key that is no SQL text): the text is written
  // once per column list, not once per row.
  out.statementKey.assign("\x01").append(table);
  for (const auto& [c, v] : values) out.statementKey.append(",").append(c);
  if (out.named) out.statementKey.append(members ? ",search_key,sort_key" : ",search_key");
  if (members) out.statementKey.append(",updated_at");
}

core::Id ImportRepository::insert(const std::string& table, const ImportValues& values) {
  prepareInsert(table, values, row_);
  return insert(row_);
}

core::Id ImportRepository::insert(const RowToInsert& row) {
  const RowToInsert* one = &row;
  return insertRows({&one, 1});
}

core::Id ImportRepository::insertRows(std::span<const RowToInsert* const> rows) {
  if (rows.empty()) return 0;
  const RowToInsert& first = *rows.front();
  for (const RowToInsert* r : rows)
    if (r->statementKey != first.statementKey) throw std::logic_error("import: rows of different columns");
  const size_t n = rows.size();
  boundOf(first, now_, bound_);
  const size_t columns = bound_.size();
  // The statement is kept under its table, column list and number of rows (a key that is no SQL text): the
  // text is written once per column list, not once per row.
  insertKey_.assign(first.statementKey).append("#").append(std::to_string(n));
  Insert& q = insertOf(insertKey_, [&] {
    for (const auto& [c, v] : first.values) checkColumn(first.table, c);
    std::string sqlText = "INSERT INTO " + first.table + " (";
    std::string marks = "(";
    for (size_t i = 0; i < columns; ++i) {
      sqlText += (i ? ", " : "") + quoteName(bound_[i].column);
      marks += i ? ", ?" : "?";
    }
    marks += ")";
    sqlText += ") VALUES ";
    for (size_t k = 0; k < n; ++k) sqlText += (k ? ", " : "") + marks;
    return sqlText;
  });
  for (size_t k = 0; k < n; ++k) {
    if (k) boundOf(*rows[k], now_, bound_);
    for (size_t i = 0; i < columns; ++i) {
      const int at = int(k * columns + i + 1);
      if (bound_[i].blob)
        q.blob(at, bound_[i].text);
      else
        q.text(at, bound_[i].text);
    }
  }
  q.run();
  // One statement's rows get consecutive rowids, each one more than the largest before it.
  return db_.db().getLastInsertRowid() - core::Id(n - 1);
}

void ImportRepository::update(const std::string& table, core::Id rowid, const ImportValues& values) {
  if (values.empty()) return;
  prepareInsert(table, values, row_);
  boundOf(row_, now_, bound_);
  std::string sqlText = "UPDATE " + table + " SET ";
  for (size_t i = 0; i < bound_.size(); ++i)
    sqlText += (i ? ", " : "") + quoteName(bound_[i].column) + " = ?";
  sqlText += " WHERE rowid = ?";
  auto& q = prepared(sqlText, [&] {
    for (const auto& [c, v] : values) checkColumn(table, c);
  });
  bindAll(q, bound_, scratch_);
  q.bind(int(bound_.size() + 1), static_cast<int64_t>(rowid));
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

namespace {

constexpr std::string_view kEventColumns =
    "INSERT INTO member_events (member_id, date, kind, from_cell, to_cell, place, decision_no, reason, "
    "created_at) VALUES ";
constexpr std::string_view kEventMarks = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr int kEventParameters = 9;

}  // namespace

void ImportRepository::insertMemberEvents(std::span<const core::MemberEvent> events) {
  // Their texts are bound in place: the events, their dates' texts and the time stamp outlive each run.
  auto write = [&](Insert& q, size_t from, size_t n) {
    eventDates_.resize(std::max(eventDates_.size(), n));
    for (size_t k = 0; k < n; ++k) {
      const core::MemberEvent& e = events[from + k];
      const int at = int(k) * kEventParameters;
      eventDates_[k] = e.date.iso();
      q.integer(at + 1, e.memberId);
      q.text(at + 2, eventDates_[k]);
      q.text(at + 3, e.kind);
      q.integer(at + 4, e.fromCell);
      q.integer(at + 5, e.toCell);
      q.text(at + 6, e.place);
      q.text(at + 7, e.decisionNo);
      q.text(at + 8, e.reason);
      q.text(at + 9, now_);
    }
    q.run();
  };
  // The two statements' keys in inserts_ (made once: an event written alone asks for its statement each
  // time).
  static const std::string kOne = "\x01member_events#1",
                           kMany = "\x01member_events#" + std::to_string(kEventRows);
  auto statement = [&](size_t n) -> Insert& {
    return insertOf(n == 1 ? kOne : kMany, [&] {
      std::string sqlText(kEventColumns);
      for (size_t k = 0; k < n; ++k) sqlText.append(k ? ", " : "").append(kEventMarks);
      return sqlText;
    });
  };
  size_t i = 0;
  for (; i + kEventRows <= events.size(); i += kEventRows) write(statement(kEventRows), i, kEventRows);
  for (; i < events.size(); ++i) write(statement(1), i, 1);
}

void ImportRepository::insertMemberEvent(const core::MemberEvent& e) {
  insertMemberEvents({&e, 1});
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
  inserts_.clear();
  return definitions;
}

std::vector<std::string> ImportRepository::deferSearchIndex(bool counts) {
  auto definitions = suspendMemberSearchIndex(db_);
  if (counts)
    for (auto& trigger : suspendMemberCounts(db_)) definitions.push_back(std::move(trigger));
  statements_.clear();  // prepared with the triggers dropped (SQLite would prepare them again anyway)
  inserts_.clear();
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
  inserts_.clear();
}

std::vector<MemberIdentity> ImportRepository::memberIdentities() {
  std::vector<MemberIdentity> out;
  forEachMemberIdentity([&](const MemberIdentity& m) { out.push_back(m); });
  return out;
}

}  // namespace dangbo::store

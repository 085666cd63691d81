#include "store/MergeRepository.h"

#include <cctype>
#include <charconv>
#include <set>
#include <stdexcept>

#include "store/Sql.h"

namespace dangbo::store {

namespace {

struct ResetOnExit {
  SQLite::Statement& q;
  ~ResetOnExit() {
    try {
      q.reset();
      q.clearBindings();
    } catch (...) {
    }
  }
};

const std::set<std::string, std::less<>>& readableTables() {
  static const std::set<std::string, std::less<>> k = {
      "organizations",   "members",         "candidates",   "ratings",  "inspections",
      "disciplines",     "committee_seats", "targets",      "meetings", "meeting_attendance",
      "activity_leaves", "dues_bases",      "dues_payments"};
  return k;
}

// The SQL expression reading `column` of table `t` (aliased "t") as the import's text.
std::string expressionOf(const std::string& table, const std::string& column,
                         const std::set<std::string>& has) {
  auto codeOf = [](const char* other, const std::string& ref) {
    return std::string("(SELECT code FROM ") + other + " WHERE id = t." + ref + ")";
  };
  if (column == "has_committee")
    return table == "organizations" ? "(SELECT CASE WHEN EXISTS (SELECT 1 FROM cell_committees c WHERE "
                                      "c.org_id = t.id AND c.to_date "
                                      "IS NULL) THEN '1' ELSE '0' END)"
                                    : "NULL";
  // The cells' monthly work (import.md version 2): cells and members by code, amounts in đồng; an attendance
  // row names its meeting by the meeting's cell, day and kind.
  if (table == "meeting_attendance" && column == "cell")
    return "(SELECT o.code FROM meetings g JOIN organizations o ON o.id = g.cell_id WHERE g.id = "
           "t.meeting_id)";
  if (table == "meeting_attendance" && (column == "held_on" || column == "kind"))
    return "(SELECT g." + column + " FROM meetings g WHERE g.id = t.meeting_id)";
  if (column == "cell") return codeOf("organizations", "cell_id");
  if (column == "member") return codeOf("members", "member_id");
  if (column == "chair") return codeOf("members", "chair_id");
  if (column == "base") return "t.base_vnd";
  if (column == "amount") return "t.amount_vnd";
  if (!has.count(column)) return "NULL";
  if (column == "cell_id" || column == "merged_into") return codeOf("organizations", column);
  if (column == "sponsor1" || column == "sponsor2" || column == "member_id") return codeOf("members", column);
  if (column == "term_id") return "(SELECT name FROM terms WHERE id = t.term_id)";
  if (column == "subject_id")
    return "(CASE t.subject_type WHEN 'to_chuc' THEN " + codeOf("organizations", "subject_id") + " ELSE " +
           codeOf("members", "subject_id") + " END)";
  return "t." + column;
}

}  // namespace

MergeRepository::MergeRepository(Database& db) : db_(db) {}
MergeRepository::~MergeRepository() = default;

SQLite::Statement& MergeRepository::prepared(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(db_.db(), sql);
  return *slot;
}

void MergeRepository::insertOldCode(std::string_view entity, core::Id id, std::string_view origin,
                                    std::string_view oldCode, std::string_view mergedOn) {
  auto& q = prepared(
      "INSERT INTO old_codes (entity, record_id, origin, old_code, merged_on) VALUES (?, ?, ?, ?, ?)");
  ResetOnExit r{q};
  q.bind(1, std::string(entity));
  q.bind(2, static_cast<int64_t>(id));
  q.bind(3, std::string(origin));
  q.bind(4, std::string(oldCode));
  q.bind(5, std::string(mergedOn));
  q.exec();
}

std::vector<core::Id> MergeRepository::idsByOldCode(std::string_view entity, std::string_view code) {
  auto& q = prepared(
      "SELECT DISTINCT record_id FROM old_codes WHERE old_code = ? AND entity = ? ORDER BY record_id");
  ResetOnExit r{q};
  q.bind(1, std::string(code));
  q.bind(2, std::string(entity));
  std::vector<core::Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::string MergeRepository::currentCode(std::string_view entity, std::string_view origin,
                                         std::string_view oldCode) {
  auto& q = prepared(
      "SELECT CASE o.entity WHEN 'organization' THEN (SELECT code FROM organizations WHERE id = o.record_id) "
      "ELSE (SELECT code FROM members WHERE id = o.record_id) END "
      "FROM old_codes o WHERE o.entity = ? AND o.origin = ? AND o.old_code = ? ORDER BY o.id DESC LIMIT 1");
  ResetOnExit r{q};
  q.bind(1, std::string(entity));
  q.bind(2, std::string(origin));
  q.bind(3, std::string(oldCode));
  return q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getString() : std::string();
}

std::vector<std::string> MergeRepository::oldCodes(std::string_view entity, core::Id id) {
  auto& q = prepared("SELECT origin, old_code FROM old_codes WHERE entity = ? AND record_id = ? ORDER BY id");
  ResetOnExit r{q};
  q.bind(1, std::string(entity));
  q.bind(2, static_cast<int64_t>(id));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString() + ": " + q.getColumn(1).getString());
  return out;
}

std::string MergeRepository::mergedOn(std::string_view origin) {
  auto& q = prepared("SELECT coalesce(max(merged_on), '') FROM old_codes WHERE origin = ?");
  ResetOnExit r{q};
  q.bind(1, std::string(origin));
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::vector<std::string> MergeRepository::oldCodeKeys(std::string_view entity) {
  auto& q = prepared("SELECT origin || char(10) || lower(old_code) FROM old_codes WHERE entity = ?");
  ResetOnExit r{q};
  q.bind(1, std::string(entity));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<std::tuple<core::Id, std::string, std::string>> MergeRepository::memberEventKeys() {
  SQLite::Statement q(db_.db(), "SELECT member_id, kind, date FROM member_events");
  std::vector<std::tuple<core::Id, std::string, std::string>> out;
  while (q.executeStep())
    out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString());
  return out;
}

void MergeRepository::setEventCells(core::Id memberId, std::string_view kind, std::string_view date,
                                    std::optional<core::Id> from, std::optional<core::Id> to) {
  auto& q = prepared(
      "UPDATE member_events SET from_cell = ?, to_cell = ? WHERE member_id = ? AND kind = ? AND date = ?");
  ResetOnExit r{q};
  sql::bind(q, 1, from);
  sql::bind(q, 2, to);
  q.bind(3, static_cast<int64_t>(memberId));
  q.bind(4, std::string(kind));
  q.bind(5, std::string(date));
  q.exec();
}

void MergeRepository::insertMemberEvent(const core::MemberEvent& e) {
  auto& q = prepared(
      "INSERT INTO member_events (member_id, date, kind, from_cell, to_cell, place, decision_no, reason, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ResetOnExit r{q};
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

std::vector<std::vector<std::optional<std::string>>> MergeRepository::rowsOf(
    const std::string& table, const std::vector<std::string>& columns) {
  if (!readableTables().count(table)) throw std::logic_error("merge: table not readable: " + table);
  std::set<std::string> has;
  {
    SQLite::Statement info(db_.db(), "SELECT name FROM pragma_table_info(?)");
    info.bind(1, table);
    while (info.executeStep()) has.insert(info.getColumn(0).getString());
  }
  std::string sql = "SELECT ";
  for (size_t i = 0; i < columns.size(); ++i) {
    for (char ch : columns[i])
      if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'))
        throw std::logic_error("merge: bad column name");
    sql += (i ? ", " : "") + expressionOf(table, columns[i], has);
  }
  sql += " FROM " + table + " t ORDER BY t.rowid";
  SQLite::Statement q(db_.db(), sql);
  std::vector<std::vector<std::optional<std::string>>> out;
  while (q.executeStep()) {
    auto& row = out.emplace_back();
    row.reserve(columns.size());
    for (int i = 0; i < int(columns.size()); ++i) {
      const SQLite::Column c = q.getColumn(i);
      if (c.isNull())
        row.emplace_back(std::nullopt);
      else if (c.isFloat()) {
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, c.getDouble());
        row.emplace_back(std::string(buf, r.ptr));
      } else
        row.emplace_back(c.getString());
    }
  }
  return out;
}

std::vector<CodedMemberEvent> MergeRepository::codedMemberEvents() {
  SQLite::Statement q(
      db_.db(),
      "SELECT m.code, e.date, e.kind, coalesce(f.code, ''), coalesce(t.code, ''), e.place, "
      "e.decision_no, e.reason FROM member_events e JOIN members m ON m.id = e.member_id "
      "LEFT JOIN organizations f ON f.id = e.from_cell LEFT JOIN organizations t ON t.id = e.to_cell "
      "ORDER BY e.member_id, e.date, e.id");
  std::vector<CodedMemberEvent> out;
  while (q.executeStep()) {
    CodedMemberEvent e;
    e.memberCode = q.getColumn(0).getString();
    e.date = q.getColumn(1).getString();
    e.kind = q.getColumn(2).getString();
    e.fromCell = q.getColumn(3).getString();
    e.toCell = q.getColumn(4).getString();
    e.place = q.getColumn(5).getString();
    e.decisionNo = q.getColumn(6).getString();
    e.reason = q.getColumn(7).getString();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace dangbo::store

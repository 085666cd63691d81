#include "store/FileSupplementRepository.h"

#include <algorithm>

#include "store/Sql.h"

namespace dangbo::store {

std::map<core::Id, SupplementReturnRow> FileSupplementRepository::returnsOf(int year) {
  SQLite::Statement q(db_.db(),
                      "SELECT member_id, year, returned_on, recorded_by FROM file_supplement_returns "
                      "WHERE year = ?");
  q.bind(1, year);
  std::map<core::Id, SupplementReturnRow> out;
  while (q.executeStep()) {
    SupplementReturnRow r;
    r.memberId = q.getColumn(0).getInt64();
    r.year = q.getColumn(1).getInt();
    r.returnedOn = sql::requiredDate(q.getColumn(2));
    r.recordedBy = q.getColumn(3).getString();
    out[r.memberId] = r;
  }
  return out;
}

void FileSupplementRepository::insertReturn(const SupplementReturnRow& row) {
  SQLite::Statement q(db_.db(),
                      "INSERT INTO file_supplement_returns (member_id, year, returned_on, recorded_by) "
                      "VALUES (?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(row.memberId));
  q.bind(2, row.year);
  q.bind(3, row.returnedOn.iso());
  q.bind(4, row.recordedBy);
  q.exec();
}

namespace {

// Appends the records of `kind` a query selects as (member, day, code, text) for the days ?1 to ?2.
void addDated(Database& db, const char* sql, const char* kind, const std::string& first,
              const std::string& last, std::vector<SupplementRecord>& out) {
  SQLite::Statement q(db.db(), sql);
  q.bind(1, first);
  q.bind(2, last);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), sql::requiredDate(q.getColumn(1)), kind,
                   q.getColumn(2).getString(), q.getColumn(3).getString(), true});
}

}  // namespace

std::vector<SupplementRecord> FileSupplementRepository::recordsOf(int year) {
  const std::string first = std::to_string(year) + "-01-01", last = std::to_string(year) + "-12-31";
  std::vector<SupplementRecord> out;
  addDated(db_,
           "SELECT member_id, decision_on, CAST(milestone AS TEXT), decision_no FROM badge_awards "
           "WHERE decision_on BETWEEN ?1 AND ?2",
           "badge", first, last, out);
  addDated(db_,
           "SELECT subject_id, date, form, number FROM disciplines "
           "WHERE subject_type = 'dang_vien' AND date BETWEEN ?1 AND ?2",
           "discipline", first, last, out);
  {
    SQLite::Statement q(db_.db(), "SELECT member_id, date, course FROM trainings WHERE year = ?");
    q.bind(1, year);
    while (q.executeStep()) {
      const auto on = sql::date(q.getColumn(1));
      out.push_back({q.getColumn(0).getInt64(), on.value_or(*core::Date::make(year, 12, 31)), "training", "",
                     q.getColumn(2).getString(), on.has_value()});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const SupplementRecord& a, const SupplementRecord& b) {
    return a.memberId != b.memberId ? a.memberId < b.memberId : a.on < b.on;
  });
  return out;
}

}  // namespace dangbo::store

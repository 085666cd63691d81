#include "store/CellWorkFindingsQueries.h"

#include "store/Sql.h"

namespace dangbo::store {

std::unordered_map<core::Id, int> presentByMeeting(Database& db, const core::Date& to,
                                                   std::optional<core::Id> cellId) {
  SQLite::Statement q(
      db.db(),
      "SELECT a.meeting_id, count(*) FROM meeting_attendance a JOIN meetings m ON m.id = "
      "a.meeting_id WHERE a.status = 'co_mat' AND m.held_on <= ?1 AND (?2 IS NULL OR m.cell_id = "
      "?2) GROUP BY a.meeting_id");
  q.bind(1, to.iso());
  sql::bind(q, 2, cellId);
  std::unordered_map<core::Id, int> out;
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt();
  return out;
}

std::vector<UnexcusedAbsence> unexcusedAbsences(Database& db, std::optional<core::Id> cellId) {
  SQLite::Statement q(db.db(),
                      "SELECT a.member_id, m.held_on FROM meeting_attendance a JOIN meetings m ON m.id = "
                      "a.meeting_id WHERE a.status = 'vang_khong_ly_do' AND (?1 IS NULL OR m.cell_id = ?1)");
  sql::bind(q, 1, cellId);
  std::vector<UnexcusedAbsence> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), sql::requiredDate(q.getColumn(1))});
  return out;
}

}  // namespace dangbo::store

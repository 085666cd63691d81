#include "store/CheckQueries.h"

#include "store/Sql.h"

namespace dangbo::store {

std::vector<CandidateAge> candidateAges(Database& db) {
  std::vector<CandidateAge> out;
  SQLite::Statement q(db.db(),
                      "SELECT code, full_name, status, birth_date, cell_vote_on, provincial_approval_no FROM "
                      "candidates WHERE status IN "
                      "('in_progress', 'admitted') ORDER BY code");
  while (q.executeStep()) {
    CandidateAge c;
    c.code = q.getColumn(0).getString();
    c.name = q.getColumn(1).getString();
    c.status = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) c.birthDate = q.getColumn(3).getString();
    c.cellVoteOn = sql::date(q.getColumn(4));
    c.provincialApprovalNo = q.getColumn(5).getString();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace dangbo::store

#include "store/CheckQueries.h"

#include "store/Sql.h"

namespace dangbo::store {

std::vector<RatedMember> ratedMembers(Database& db) {
  std::vector<RatedMember> out;
  SQLite::Statement q(db.db(),
                      "SELECT m.code, m.full_name, r.year, r.level, coalesce((SELECT o.code FROM member_events e JOIN "
                      "organizations o ON o.id = e.to_cell WHERE e.member_id = m.id AND e.to_cell IS NOT NULL AND "
                      "e.date <= r.year || '-12-31' ORDER BY e.date DESC, e.id DESC LIMIT 1), (SELECT o.code FROM "
                      "organizations o WHERE o.id = m.cell_id)), m.status, m.status_since, CASE WHEN "
                      "m.transferred_in_on IS NULL THEN m.admitted_on END, EXISTS (SELECT 1 FROM disciplines d WHERE "
                      "d.subject_type = 'dang_vien' AND d.subject_id = m.id AND d.date BETWEEN r.year || '-01-01' AND "
                      "r.year || '-12-31') FROM ratings r JOIN members m ON m.id = r.subject_id WHERE r.subject_type = "
                      "'dang_vien' ORDER BY r.year, m.code");
  while (q.executeStep()) {
    RatedMember r;
    r.code = q.getColumn(0).getString();
    r.name = q.getColumn(1).getString();
    r.year = q.getColumn(2).getInt();
    r.level = q.getColumn(3).getString();
    r.cellCode = q.getColumn(4).getString();
    r.status = q.getColumn(5).getString();
    r.statusSince = sql::date(q.getColumn(6));
    r.admittedOn = sql::date(q.getColumn(7));
    r.disciplined = q.getColumn(8).getInt() != 0;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<CandidateAge> candidateAges(Database& db) {
  std::vector<CandidateAge> out;
  SQLite::Statement q(db.db(),
                      "SELECT code, full_name, status, birth_date, cell_vote_on FROM candidates WHERE status IN "
                      "('in_progress', 'admitted') ORDER BY code");
  while (q.executeStep()) {
    CandidateAge c;
    c.code = q.getColumn(0).getString();
    c.name = q.getColumn(1).getString();
    c.status = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) c.birthDate = q.getColumn(3).getString();
    c.cellVoteOn = sql::date(q.getColumn(4));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace dangbo::store

#include "store/DashboardQueries.h"

#include "store/DomainRules.h"
#include "store/Sql.h"

namespace dangbo::store {

std::vector<AdmissionEntry> admissionEntries(Database& db, const core::Date& from, const core::Date& to) {
  SQLite::Statement q(db.db(),
                      "SELECT m.code, m.full_name, " + rule::kAdmissionCell +
                          ", m.admitted_on, 1 FROM members m WHERE " + rule::kAdmittedHereBetween +
                          " UNION ALL SELECT c.code, c.full_name, c.cell_id, c.decision_on, 0 FROM " +
                          "candidates c WHERE " + rule::kDecidedAwaitingCeremony + " ORDER BY 4, 1");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::vector<AdmissionEntry> out;
  while (q.executeStep()) {
    AdmissionEntry a;
    a.code = q.getColumn(0).getString();
    a.name = q.getColumn(1).getString();
    a.cellId = q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt64();
    a.on = sql::requiredDate(q.getColumn(3));
    a.member = q.getColumn(4).getInt() == 1;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<RatedSubject> ratedSubjects(Database& db, int year) {
  SQLite::Statement q(
      db.db(),
      "SELECT r.subject_type, coalesce(o.code, m.code, ''), coalesce(o.name, m.full_name, ''), "
      "CASE WHEN r.subject_type = 'to_chuc' THEN r.subject_id ELSE coalesce(r.cell_id, m.cell_id) END, "
      "r.level "
      "FROM ratings r "
      "LEFT JOIN organizations o ON r.subject_type = 'to_chuc' AND o.id = r.subject_id "
      "LEFT JOIN members m ON r.subject_type = 'dang_vien' AND m.id = r.subject_id "
      "WHERE r.year = ? ORDER BY r.subject_type, 2");
  q.bind(1, year);
  std::vector<RatedSubject> out;
  while (q.executeStep()) {
    RatedSubject r;
    r.subjectType = q.getColumn(0).getString();
    r.code = q.getColumn(1).getString();
    r.name = q.getColumn(2).getString();
    r.cellId = q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64();
    r.level = q.getColumn(4).getString();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<SecretaryOnDay> secretariesOn(Database& db, const core::Date& day, int trainingYear) {
  SQLite::Statement q(
      db.db(),
      "SELECT l.org_id, m.code, m.full_name, l.from_date, "
      "EXISTS (SELECT 1 FROM trainings t WHERE t.member_id = m.id AND t.year = ?2), "
      "(SELECT t.date FROM trainings t WHERE t.member_id = m.id AND t.year = ?2 "
      " ORDER BY t.date IS NULL, t.date DESC, t.id DESC LIMIT 1), "
      "(SELECT t.course FROM trainings t WHERE t.member_id = m.id AND t.year = ?2 "
      " ORDER BY t.date IS NULL, t.date DESC, t.id DESC LIMIT 1) "
      "FROM cell_leaders l JOIN members m ON m.id = l.member_id "
      "WHERE l.role = 'bi_thu' AND l.from_date <= ?1 AND (l.to_date IS NULL OR l.to_date > ?1) "
      "ORDER BY l.org_id, l.from_date DESC, l.id DESC");
  q.bind(1, day.iso());
  q.bind(2, trainingYear);
  std::vector<SecretaryOnDay> out;
  while (q.executeStep()) {
    SecretaryOnDay s;
    s.orgId = q.getColumn(0).getInt64();
    s.code = q.getColumn(1).getString();
    s.name = q.getColumn(2).getString();
    s.since = sql::requiredDate(q.getColumn(3));
    s.trained = q.getColumn(4).getInt() != 0;
    s.trainedOn = sql::date(q.getColumn(5));
    s.course = q.getColumn(6).isNull() ? std::string() : q.getColumn(6).getString();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dangbo::store

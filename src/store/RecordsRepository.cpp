#include "store/RecordsRepository.h"

#include "core/VietText.h"
#include "store/Sql.h"

namespace dangbo::store {

struct RecordsRepository::Statements {
  LazyStatement candidate, rating, inspection, discipline, removal, seat;
  explicit Statements(Database& db)
      : candidate(db,
                  "INSERT INTO candidates (id, code, full_name, search_key, birth_date, gender, ethnicity, "
                  "religion, "
                  "residence, occupation, education, cell_id, listed_on, certificate_no, certificate_on, "
                  "application_on, history_on, background_check_on, background_check_result, sponsor1, "
                  "sponsor1_since, sponsor2, sponsor2_since, youth_union_resolution, mass_org_comment_on, "
                  "cell_vote_on, cell_vote_official, cell_vote_in_favour, committee_resolution_on, "
                  "committee_resolution_no, decision_on, decision_no, decision_body, ceremony_on, status, "
                  "outcome_reason, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                  "?, ?, ?, "
                  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        rating(db,
               "INSERT INTO ratings (id, year, subject_type, subject_id, cell_id, self_level, "
               "proposed_level, level, "
               "score, exception_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        inspection(
            db,
            "INSERT INTO inspections (id, number, date, subject_type, subject_id, kind, team, findings, "
            "conclusion, follow_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        discipline(
            db,
            "INSERT INTO disciplines (id, number, date, subject_type, subject_id, form, body, violation, "
            "violation_on, announced_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        removal(db,
                "INSERT INTO removals (id, member_id, ground, proposed_on, decision_no, decision_on) VALUES "
                "(?, ?, ?, "
                "?, ?, ?)"),
        seat(db, "INSERT INTO committee_seats (term_id, member_id, position) VALUES (?, ?, ?)") {}
};

RecordsRepository::RecordsRepository(Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}
RecordsRepository::~RecordsRepository() = default;

namespace {
void bindText(SQLite::Statement& q, int i, const std::string& s) {
  if (s.empty())
    q.bind(i);
  else
    q.bind(i, s);
}
}  // namespace

core::Id RecordsRepository::insertCandidate(const core::Candidate& c) {
  auto& q = st_->candidate();
  q.reset();
  int i = 1;
  std::string name = core::normalizeText(c.fullName);
  sql::bindId(q, i++, c.id);
  q.bind(i++, c.code);
  q.bind(i++, name);
  q.bind(i++, core::fold(name));
  sql::bind(q, i++, c.birthDate);
  q.bind(i++, c.gender);
  bindText(q, i++, c.ethnicity);
  q.bind(i++, c.religion.empty() ? std::string("Không") : c.religion);
  q.bind(i++, c.residence);
  q.bind(i++, c.occupation);
  q.bind(i++, c.education);
  q.bind(i++, static_cast<int64_t>(c.cellId));
  i = sql::bindCandidateStages(q, i, c);
  q.exec();
  return c.id ? c.id : db_.db().getLastInsertRowid();
}

core::Id RecordsRepository::insertRating(const core::Rating& r) {
  auto& q = st_->rating();
  q.reset();
  sql::bindId(q, 1, r.id);
  q.bind(2, r.year);
  q.bind(3, r.subjectType);
  q.bind(4, static_cast<int64_t>(r.subjectId));
  sql::bind(q, 5, r.cellId);
  q.bind(6, r.selfLevel);
  q.bind(7, r.proposedLevel);
  q.bind(8, r.level);
  sql::bind(q, 9, r.score);
  q.bind(10, r.exceptionReason);
  q.exec();
  return r.id ? r.id : db_.db().getLastInsertRowid();
}

core::Id RecordsRepository::insertInspection(const core::Inspection& x) {
  auto& q = st_->inspection();
  q.reset();
  sql::bindId(q, 1, x.id);
  q.bind(2, x.number);
  q.bind(3, x.date.iso());
  q.bind(4, x.subjectType);
  q.bind(5, static_cast<int64_t>(x.subjectId));
  q.bind(6, x.kind);
  q.bind(7, x.team);
  q.bind(8, x.findings);
  q.bind(9, x.conclusion);
  q.bind(10, x.followUp);
  q.exec();
  return x.id ? x.id : db_.db().getLastInsertRowid();
}

core::Id RecordsRepository::insertDiscipline(const core::Discipline& d) {
  auto& q = st_->discipline();
  q.reset();
  sql::bindId(q, 1, d.id);
  q.bind(2, d.number);
  q.bind(3, d.date.iso());
  q.bind(4, d.subjectType);
  q.bind(5, static_cast<int64_t>(d.subjectId));
  q.bind(6, d.form);
  q.bind(7, d.body);
  q.bind(8, d.violation);
  sql::bind(q, 9, d.violationOn);
  sql::bind(q, 10, d.announcedOn);
  q.exec();
  return d.id ? d.id : db_.db().getLastInsertRowid();
}

core::Id RecordsRepository::insertRemoval(const core::Removal& r) {
  auto& q = st_->removal();
  q.reset();
  sql::bindId(q, 1, r.id);
  q.bind(2, static_cast<int64_t>(r.memberId));
  q.bind(3, r.ground);
  sql::bind(q, 4, r.proposedOn);
  q.bind(5, r.decisionNo);
  q.bind(6, r.decisionOn.iso());
  q.exec();
  return r.id ? r.id : db_.db().getLastInsertRowid();
}

void RecordsRepository::insertSeat(const core::CommitteeSeat& s) {
  auto& q = st_->seat();
  q.reset();
  q.bind(1, static_cast<int64_t>(s.termId));
  q.bind(2, static_cast<int64_t>(s.memberId));
  q.bind(3, s.position);
  q.exec();
}

std::optional<std::string> RecordsRepository::seatPosition(core::Id termId, core::Id memberId) {
  auto q = db_.prepare("SELECT position FROM committee_seats WHERE term_id = ?1 AND member_id = ?2");
  q->bind(1, static_cast<int64_t>(termId));
  q->bind(2, static_cast<int64_t>(memberId));
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getString();
}

void RecordsRepository::updateSeatPosition(const core::CommitteeSeat& s) {
  auto q = db_.prepare("UPDATE committee_seats SET position = ?3 WHERE term_id = ?1 AND member_id = ?2");
  q->bind(1, static_cast<int64_t>(s.termId));
  q->bind(2, static_cast<int64_t>(s.memberId));
  q->bind(3, s.position);
  q->exec();
}

std::optional<core::Id> RecordsRepository::termByName(const std::string& name) {
  auto q = db_.prepare("SELECT id FROM terms WHERE name = ?1");
  q->bind(1, name);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getInt64();
}

core::Id RecordsRepository::insertTerm(const core::Term& t) {
  auto q = db_.prepare("INSERT INTO terms (name, from_year, to_year) VALUES (?1, ?2, ?3)");
  q->bind(1, t.name);
  q->bind(2, t.fromYear);
  q->bind(3, t.toYear);
  q->exec();
  return db_.db().getLastInsertRowid();
}

RecordCounts RecordsRepository::counts() {
  RecordCounts c;
  auto q = db_.prepare(
      "SELECT (SELECT count(*) FROM candidates WHERE status = 'in_progress'), (SELECT count(*) FROM "
      "ratings), (SELECT count(*) FROM "
      "inspections), (SELECT count(*) FROM disciplines), (SELECT count(*) FROM removals), (SELECT "
      "count(*) FROM committee_seats), (SELECT count(*) FROM trainings)");
  if (q.executeStep()) {
    c.candidates = q.getColumn(0).getInt();
    c.ratings = q.getColumn(1).getInt();
    c.inspections = q.getColumn(2).getInt();
    c.disciplines = q.getColumn(3).getInt();
    c.removals = q.getColumn(4).getInt();
    c.seats = q.getColumn(5).getInt();
    c.trainings = q.getColumn(6).getInt();
  }
  return c;
}

}  // namespace dangbo::store

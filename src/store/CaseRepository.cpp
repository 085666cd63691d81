#include "store/CaseRepository.h"

#include "store/Sql.h"

namespace dangbo::store {

namespace {

// The subject's code and name for a row with subject_type / subject_id columns of alias `t`.
const char* const kSubjectColumns =
    "CASE t.subject_type WHEN 'to_chuc' THEN (SELECT code FROM organizations WHERE id = t.subject_id) "
    "ELSE (SELECT code FROM members WHERE id = t.subject_id) END, "
    "CASE t.subject_type WHEN 'to_chuc' THEN (SELECT name FROM organizations WHERE id = t.subject_id) "
    "ELSE (SELECT full_name FROM members WHERE id = t.subject_id) END";

std::string inspectionSelect() {
  return std::string(
             "SELECT t.id, t.number, t.date, t.subject_type, t.subject_id, t.kind, t.team, t.findings, "
             "t.conclusion, t.follow_up, ") +
         kSubjectColumns +
         ", t.plan_id, t.follows_id, t.violation_on, t.findings_on, t.closed_on FROM inspections t ";
}

InspectionRow readInspection(SQLite::Statement& q) {
  InspectionRow r;
  auto& i = r.inspection;
  i.id = q.getColumn(0).getInt64();
  i.number = q.getColumn(1).getString();
  i.date = sql::requiredDate(q.getColumn(2));
  i.subjectType = q.getColumn(3).getString();
  i.subjectId = q.getColumn(4).getInt64();
  i.kind = q.getColumn(5).getString();
  i.team = q.getColumn(6).getString();
  i.findings = q.getColumn(7).getString();
  i.conclusion = q.getColumn(8).getString();
  i.followUp = q.getColumn(9).getString();
  r.subjectCode = q.getColumn(10).getString();
  r.subjectName = q.getColumn(11).getString();
  auto optId = [&](int c) -> std::optional<core::Id> {
    if (q.getColumn(c).isNull()) return std::nullopt;
    return q.getColumn(c).getInt64();
  };
  r.links.planId = optId(12);
  r.links.followsId = optId(13);
  r.links.violationOn = sql::date(q.getColumn(14));
  r.links.findingsOn = sql::date(q.getColumn(15));
  r.links.closedOn = sql::date(q.getColumn(16));
  return r;
}

std::string disciplineSelect() {
  return std::string(
             "SELECT t.id, t.number, t.date, t.subject_type, t.subject_id, t.form, t.body, t.violation, "
             "t.violation_on, t.announced_on, ") +
         kSubjectColumns + ", t.post, t.inspection_id FROM disciplines t ";
}

DisciplineRow readDiscipline(SQLite::Statement& q) {
  DisciplineRow r;
  auto& d = r.discipline;
  d.id = q.getColumn(0).getInt64();
  d.number = q.getColumn(1).getString();
  d.date = sql::requiredDate(q.getColumn(2));
  d.subjectType = q.getColumn(3).getString();
  d.subjectId = q.getColumn(4).getInt64();
  d.form = q.getColumn(5).getString();
  d.body = q.getColumn(6).getString();
  d.violation = q.getColumn(7).getString();
  d.violationOn = sql::date(q.getColumn(8));
  d.announcedOn = sql::date(q.getColumn(9));
  r.subjectCode = q.getColumn(10).getString();
  r.subjectName = q.getColumn(11).getString();
  r.post = q.getColumn(12).getString();
  if (!q.getColumn(13).isNull()) r.inspectionId = q.getColumn(13).getInt64();
  return r;
}

void bindOptId(SQLite::Statement& q, int i, std::optional<core::Id> v) {
  if (v)
    q.bind(i, static_cast<int64_t>(*v));
  else
    q.bind(i);
}

const char* const kPlanSelect =
    "SELECT p.id, p.year, p.number, p.title, p.planned_organizations, p.planned_members, "
    "(SELECT count(DISTINCT i.subject_id) FROM inspections i WHERE i.plan_id = p.id "
    "AND i.subject_type = 'to_chuc' AND i.closed_on IS NOT NULL), "
    "(SELECT count(DISTINCT i.subject_id) FROM inspections i WHERE i.plan_id = p.id "
    "AND i.subject_type = 'dang_vien' AND i.closed_on IS NOT NULL), "
    "(SELECT count(*) FROM inspections i WHERE i.plan_id = p.id) FROM inspection_plans p ";

PlanRow readPlan(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(),  q.getColumn(1).getInt(), q.getColumn(2).getString(),
          q.getColumn(3).getString(), q.getColumn(4).getInt(), q.getColumn(5).getInt(),
          q.getColumn(6).getInt(),    q.getColumn(7).getInt(), q.getColumn(8).getInt()};
}

const char* const kComplaintSelect =
    "SELECT id, discipline_id, received_on, filed_on, content, outcome, outcome_on FROM complaints ";

ComplaintRow readComplaint(SQLite::Statement& q) {
  ComplaintRow c;
  c.id = q.getColumn(0).getInt64();
  c.disciplineId = q.getColumn(1).getInt64();
  c.receivedOn = sql::date(q.getColumn(2));
  c.filedOn = sql::requiredDate(q.getColumn(3));
  c.content = q.getColumn(4).getString();
  c.outcome = q.getColumn(5).getString();
  c.outcomeOn = sql::date(q.getColumn(6));
  return c;
}

bool exists(Database& db, const char* table, const std::string& number, const std::string& subjectType,
            core::Id subjectId) {
  SQLite::Statement q(db.db(), std::string("SELECT 1 FROM ") + table +
                                   " WHERE number = ?1 AND subject_type = ?2 AND subject_id = ?3");
  q.bind(1, number);
  q.bind(2, subjectType);
  q.bind(3, static_cast<int64_t>(subjectId));
  return q.executeStep();
}

}  // namespace

std::vector<InspectionRow> CaseRepository::inspections(const InspectionQuery& f) {
  auto q = db_.prepare(inspectionSelect() +
                       "WHERE (?1 IS NULL OR substr(t.date, 1, 4) = printf('%04d', ?1)) "
                       "AND (?2 = '' OR t.kind = ?2) AND (?3 = '' OR t.subject_type = ?3) "
                       "ORDER BY t.date, t.number, t.id");
  sql::bind(q, 1, f.year);
  q.bind(2, f.kind);
  q.bind(3, f.subjectType);
  std::vector<InspectionRow> out;
  while (q.executeStep()) out.push_back(readInspection(q));
  return out;
}

std::optional<InspectionRow> CaseRepository::inspectionById(core::Id id) {
  auto q = db_.prepare(inspectionSelect() + "WHERE t.id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readInspection(q);
}

bool CaseRepository::inspectionExists(const std::string& number, const std::string& subjectType,
                                      core::Id subjectId) {
  return exists(db_, "inspections", number, subjectType, subjectId);
}

std::vector<DisciplineRow> CaseRepository::disciplines(const std::string& subjectType, core::Id subjectId) {
  auto q = db_.prepare(disciplineSelect() +
                       "WHERE (?1 = '' OR (t.subject_type = ?1 AND t.subject_id = ?2)) "
                       "ORDER BY t.date, t.id");
  q.bind(1, subjectType);
  q.bind(2, static_cast<int64_t>(subjectId));
  std::vector<DisciplineRow> out;
  while (q.executeStep()) out.push_back(readDiscipline(q));
  return out;
}

std::optional<DisciplineRow> CaseRepository::disciplineById(core::Id id) {
  auto q = db_.prepare(disciplineSelect() + "WHERE t.id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readDiscipline(q);
}

bool CaseRepository::disciplineExists(const std::string& number, const std::string& subjectType,
                                      core::Id subjectId) {
  return exists(db_, "disciplines", number, subjectType, subjectId);
}

void CaseRepository::setInspectionLinks(core::Id id, const InspectionLinks& l) {
  auto q = db_.prepare(
      "UPDATE inspections SET plan_id = ?2, follows_id = ?3, violation_on = ?4, findings_on = ?5, "
      "closed_on = ?6 WHERE id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  bindOptId(q, 2, l.planId);
  bindOptId(q, 3, l.followsId);
  sql::bind(q, 4, l.violationOn);
  sql::bind(q, 5, l.findingsOn);
  sql::bind(q, 6, l.closedOn);
  q.exec();
}

void CaseRepository::updateInspectionText(core::Id id, const std::string& team, const std::string& findings,
                                          const std::string& conclusion, const std::string& followUp) {
  auto q = db_.prepare(
      "UPDATE inspections SET team = ?2, findings = ?3, conclusion = ?4, follow_up = ?5 "
      "WHERE id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  q.bind(2, team);
  q.bind(3, findings);
  q.bind(4, conclusion);
  q.bind(5, followUp);
  q.exec();
}

std::vector<InspectionRow> CaseRepository::inspectionsFollowing(core::Id id) {
  auto q = db_.prepare(inspectionSelect() + "WHERE t.follows_id = ?1 ORDER BY t.date, t.id");
  q.bind(1, static_cast<int64_t>(id));
  std::vector<InspectionRow> out;
  while (q.executeStep()) out.push_back(readInspection(q));
  return out;
}

core::Id CaseRepository::insertPlan(const PlanRow& p) {
  auto q = db_.prepare(
      "INSERT INTO inspection_plans (id, year, number, title, planned_organizations, "
      "planned_members) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  sql::bindId(q, 1, p.id);
  q.bind(2, p.year);
  q.bind(3, p.number);
  q.bind(4, p.title);
  q.bind(5, p.plannedOrganizations);
  q.bind(6, p.plannedMembers);
  q.exec();
  return p.id ? p.id : db_.db().getLastInsertRowid();
}

std::vector<PlanRow> CaseRepository::plans(int year) {
  auto q = db_.prepare(std::string(kPlanSelect) + "WHERE p.year = ?1 ORDER BY p.number, p.id");
  q.bind(1, year);
  std::vector<PlanRow> out;
  while (q.executeStep()) out.push_back(readPlan(q));
  return out;
}

std::optional<PlanRow> CaseRepository::planById(core::Id id) {
  auto q = db_.prepare(std::string(kPlanSelect) + "WHERE p.id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readPlan(q);
}

void CaseRepository::setDisciplineLinks(core::Id id, const std::string& post,
                                        std::optional<core::Id> inspectionId) {
  auto q = db_.prepare("UPDATE disciplines SET post = ?2, inspection_id = ?3 WHERE id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  q.bind(2, post);
  bindOptId(q, 3, inspectionId);
  q.exec();
}

std::vector<DisciplineRow> CaseRepository::disciplinesOfInspection(core::Id inspectionId) {
  auto q = db_.prepare(disciplineSelect() + "WHERE t.inspection_id = ?1 ORDER BY t.date, t.id");
  q.bind(1, static_cast<int64_t>(inspectionId));
  std::vector<DisciplineRow> out;
  while (q.executeStep()) out.push_back(readDiscipline(q));
  return out;
}

void CaseRepository::setRemovalProposal(core::Id memberId, const core::Date& decisionOn,
                                        std::optional<core::Date> proposedOn, const std::string& proposalNo) {
  auto q = db_.prepare(
      "UPDATE removals SET proposed_on = ?3, proposal_no = ?4 WHERE member_id = ?1 "
      "AND decision_on = ?2");
  q.bind(1, static_cast<int64_t>(memberId));
  q.bind(2, decisionOn.iso());
  sql::bind(q, 3, proposedOn);
  q.bind(4, proposalNo);
  q.exec();
}

void CaseRepository::completeDemoCases(const core::Date& today, const std::string& routineTitle,
                                       const std::string& supervisionTitle) {
  auto steps = db_.prepare(
      "UPDATE inspections SET findings_on = CASE WHEN date(date, '+10 days') <= ?1 "
      "THEN date(date, '+10 days') END, closed_on = CASE WHEN date(date, '+25 days') <= ?1 "
      "THEN date(date, '+25 days') END");
  steps.bind(1, today.iso());
  steps.exec();
  db_.db().exec(
      "UPDATE disciplines SET inspection_id = (SELECT i.id FROM inspections i WHERE i.subject_type = "
      "disciplines.subject_type AND i.subject_id = disciplines.subject_id AND i.kind = 'dau_hieu_vi_pham' "
      "AND "
      "i.date <= disciplines.date ORDER BY i.date DESC, i.id DESC LIMIT 1)");
  db_.db().exec(
      "UPDATE inspections SET violation_on = (SELECT d.violation_on FROM disciplines d WHERE d.inspection_id "
      "= "
      "inspections.id ORDER BY d.date LIMIT 1) WHERE id IN (SELECT inspection_id FROM disciplines)");
  auto plans = db_.prepare(
      "INSERT INTO inspection_plans (year, number, title, planned_organizations, planned_members) "
      "SELECT CAST(substr(date, 1, 4) AS INTEGER), CASE WHEN kind = 'giam_sat' THEN '02-KH/UBKT' ELSE "
      "'01-KH/UBKT' END, CASE WHEN kind = 'giam_sat' THEN ?2 ELSE ?1 END, "
      "count(DISTINCT CASE WHEN subject_type = 'to_chuc' THEN subject_id END), "
      "count(DISTINCT CASE WHEN subject_type = 'dang_vien' THEN subject_id END) FROM inspections "
      "WHERE kind IN ('thuong_xuyen', 'tai_chinh', 'thi_hanh_ky_luat', 'giam_sat') "
      "GROUP BY substr(date, 1, 4), kind = 'giam_sat' ORDER BY 1, 2");
  plans.bind(1, routineTitle);
  plans.bind(2, supervisionTitle);
  plans.exec();
  db_.db().exec(
      "UPDATE inspections SET plan_id = (SELECT p.id FROM inspection_plans p WHERE p.year = "
      "CAST(substr(inspections.date, 1, 4) AS INTEGER) AND p.number = CASE WHEN inspections.kind = "
      "'giam_sat' "
      "THEN '02-KH/UBKT' ELSE '01-KH/UBKT' END) "
      "WHERE kind IN ('thuong_xuyen', 'tai_chinh', 'thi_hanh_ky_luat', 'giam_sat')");
}

core::Id CaseRepository::insertComplaint(const ComplaintRow& c) {
  auto q = db_.prepare(
      "INSERT INTO complaints (id, discipline_id, received_on, filed_on, content, outcome, outcome_on) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sql::bindId(q, 1, c.id);
  q.bind(2, static_cast<int64_t>(c.disciplineId));
  sql::bind(q, 3, c.receivedOn);
  q.bind(4, c.filedOn.iso());
  q.bind(5, c.content);
  q.bind(6, c.outcome);
  sql::bind(q, 7, c.outcomeOn);
  q.exec();
  return c.id ? c.id : db_.db().getLastInsertRowid();
}

void CaseRepository::setComplaintOutcome(core::Id complaintId, const std::string& outcome,
                                         const core::Date& on) {
  auto q = db_.prepare("UPDATE complaints SET outcome = ?2, outcome_on = ?3 WHERE id = ?1");
  q.bind(1, static_cast<int64_t>(complaintId));
  q.bind(2, outcome);
  q.bind(3, on.iso());
  q.exec();
}

std::optional<ComplaintRow> CaseRepository::complaintById(core::Id id) {
  auto q = db_.prepare(std::string(kComplaintSelect) + "WHERE id = ?1");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readComplaint(q);
}

std::vector<ComplaintRow> CaseRepository::complaints(core::Id disciplineId) {
  auto q = db_.prepare(std::string(kComplaintSelect) +
                       "WHERE (?1 = 0 OR discipline_id = ?1) ORDER BY filed_on, id");
  q.bind(1, static_cast<int64_t>(disciplineId));
  std::vector<ComplaintRow> out;
  while (q.executeStep()) out.push_back(readComplaint(q));
  return out;
}

std::vector<RemovalRow> CaseRepository::removals(const core::Date& from, const core::Date& to) {
  auto q = db_.prepare(
      "SELECT r.id, r.member_id, r.ground, r.proposed_on, r.decision_no, r.decision_on, m.code, "
      "m.full_name, r.proposal_no FROM removals r JOIN members m ON m.id = r.member_id "
      "WHERE r.decision_on BETWEEN ?1 AND ?2 ORDER BY r.decision_on, r.id");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::vector<RemovalRow> out;
  while (q.executeStep()) {
    RemovalRow r;
    r.removal.id = q.getColumn(0).getInt64();
    r.removal.memberId = q.getColumn(1).getInt64();
    r.removal.ground = q.getColumn(2).getString();
    r.removal.proposedOn = sql::date(q.getColumn(3));
    r.removal.decisionNo = q.getColumn(4).getString();
    r.removal.decisionOn = sql::requiredDate(q.getColumn(5));
    r.memberCode = q.getColumn(6).getString();
    r.memberName = q.getColumn(7).getString();
    r.proposalNo = q.getColumn(8).getString();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<DecisionCount> CaseRepository::decisionCounts(const core::Date& from, const core::Date& to) {
  auto q = db_.prepare(
      "SELECT subject_type, form, body, count(*) FROM disciplines WHERE date BETWEEN ?1 AND ?2 "
      "GROUP BY subject_type, form, body ORDER BY subject_type, form, body");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::vector<DecisionCount> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt()});
  return out;
}

std::vector<InspectionKindCount> CaseRepository::inspectionKindCounts(const core::Date& from,
                                                                      const core::Date& to) {
  auto q = db_.prepare(
      "SELECT kind, count(DISTINCT CASE WHEN subject_type = 'to_chuc' THEN subject_id END), "
      "count(DISTINCT CASE WHEN subject_type = 'dang_vien' THEN subject_id END) "
      "FROM inspections WHERE date BETWEEN ?1 AND ?2 GROUP BY kind ORDER BY kind");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::vector<InspectionKindCount> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt()});
  return out;
}

std::pair<int, int> CaseRepository::caseRowCounts() {
  auto q = db_.prepare("SELECT (SELECT count(*) FROM inspections), (SELECT count(*) FROM disciplines)");
  q.executeStep();
  return {q.getColumn(0).getInt(), q.getColumn(1).getInt()};
}

bool CaseRepository::holdsPost(core::Id memberId, const core::Date& on) {
  auto q = db_.prepare(
      "SELECT 1 FROM cell_leaders WHERE member_id = ?1 AND from_date <= ?2 "
      "AND (to_date IS NULL OR to_date > ?2) "
      "UNION ALL SELECT 1 FROM committee_seats s JOIN terms t ON t.id = s.term_id "
      "WHERE s.member_id = ?1 AND t.from_year <= ?3 AND t.to_year >= ?3");
  q.bind(1, static_cast<int64_t>(memberId));
  q.bind(2, on.iso());
  q.bind(3, on.year());
  return q.executeStep();
}

std::optional<std::pair<std::string, std::string>> CaseRepository::postHeld(core::Id memberId,
                                                                            const core::Date& on) {
  auto q = db_.prepare(
      "SELECT l.role, o.name FROM cell_leaders l JOIN organizations o ON o.id = l.org_id "
      "WHERE l.member_id = ?1 AND l.from_date <= ?2 AND (l.to_date IS NULL OR l.to_date > ?2) "
      "UNION ALL SELECT s.position, '' FROM committee_seats s JOIN terms t ON t.id = s.term_id "
      "WHERE s.member_id = ?1 AND t.from_year <= ?3 AND t.to_year >= ?3 LIMIT 1");
  q.bind(1, static_cast<int64_t>(memberId));
  q.bind(2, on.iso());
  q.bind(3, on.year());
  if (!q.executeStep()) return std::nullopt;
  return std::make_pair(q.getColumn(0).getString(), q.getColumn(1).getString());
}

}  // namespace dangbo::store

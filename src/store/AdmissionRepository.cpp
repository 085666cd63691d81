#include "store/AdmissionRepository.h"

#include "core/VietText.h"
#include "store/DomainRules.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace {
constexpr const char* kCandidateColumns =
    "SELECT id, code, full_name, birth_date, gender, coalesce(ethnicity, ''), religion, residence, "
    "occupation, "
    "education, cell_id, listed_on, certificate_no, certificate_on, application_on, history_on, "
    "background_check_on, background_check_result, sponsor1, sponsor1_since, sponsor2, sponsor2_since, "
    "youth_union_resolution, mass_org_comment_on, cell_vote_on, cell_vote_official, cell_vote_in_favour, "
    "committee_resolution_on, committee_resolution_no, decision_on, decision_no, decision_body, ceremony_on, "
    "status, outcome_reason, member_id, cccd, needs_provincial_approval, provincial_approval_no FROM "
    "candidates ";

core::Candidate readCandidate(SQLite::Statement& q) {
  core::Candidate c;
  int i = 0;
  c.id = q.getColumn(i++).getInt64();
  c.code = q.getColumn(i++).getString();
  c.fullName = q.getColumn(i++).getString();
  c.birthDate = sql::partial(q.getColumn(i++));
  c.gender = q.getColumn(i++).getString();
  c.ethnicity = q.getColumn(i++).getString();
  c.religion = q.getColumn(i++).getString();
  c.residence = q.getColumn(i++).getString();
  c.occupation = q.getColumn(i++).getString();
  c.education = q.getColumn(i++).getString();
  c.cellId = q.getColumn(i++).getInt64();
  c.listedOn = sql::date(q.getColumn(i++));
  c.certificateNo = q.getColumn(i++).getString();
  c.certificateOn = sql::date(q.getColumn(i++));
  c.applicationOn = sql::date(q.getColumn(i++));
  c.historyOn = sql::date(q.getColumn(i++));
  c.backgroundCheckOn = sql::date(q.getColumn(i++));
  c.backgroundCheckResult = q.getColumn(i++).getString();
  c.sponsor1 = sql::optId(q.getColumn(i++));
  c.sponsor1Since = sql::date(q.getColumn(i++));
  c.sponsor2 = sql::optId(q.getColumn(i++));
  c.sponsor2Since = sql::date(q.getColumn(i++));
  c.youthUnionResolution = q.getColumn(i++).getString();
  c.massOrgCommentOn = sql::date(q.getColumn(i++));
  c.cellVoteOn = sql::date(q.getColumn(i++));
  c.cellVoteOfficial = sql::optInt(q.getColumn(i++));
  c.cellVoteInFavour = sql::optInt(q.getColumn(i++));
  c.committeeResolutionOn = sql::date(q.getColumn(i++));
  c.committeeResolutionNo = q.getColumn(i++).getString();
  c.decisionOn = sql::date(q.getColumn(i++));
  c.decisionNo = q.getColumn(i++).getString();
  c.decisionBody = q.getColumn(i++).getString();
  c.ceremonyOn = sql::date(q.getColumn(i++));
  c.status = q.getColumn(i++).getString();
  c.outcomeReason = q.getColumn(i++).getString();
  c.memberId = sql::optId(q.getColumn(i++));
  c.cccd = q.getColumn(i++).getString();
  c.needsProvincialApproval = q.getColumn(i++).getInt() != 0;
  c.provincialApprovalNo = q.getColumn(i++).getString();
  return c;
}

constexpr const char* kFactColumns =
    "SELECT id, code, full_name, search_key, birth_date, cccd, cell_id, admitted_on, ceremony_on, "
    "official_on, "
    "transferred_in_on, status, status_since FROM members ";

MemberFacts readFacts(SQLite::Statement& q) {
  MemberFacts m;
  int i = 0;
  m.id = q.getColumn(i++).getInt64();
  m.code = q.getColumn(i++).getString();
  m.fullName = q.getColumn(i++).getString();
  m.searchKey = q.getColumn(i++).getString();
  m.birthDate = sql::partial(q.getColumn(i++));
  m.cccd = q.getColumn(i++).getString();
  m.cellId = q.getColumn(i++).getInt64();
  m.admittedOn = sql::date(q.getColumn(i++));
  m.ceremonyOn = sql::date(q.getColumn(i++));
  m.officialOn = sql::date(q.getColumn(i++));
  m.transferredInOn = sql::date(q.getColumn(i++));
  m.status = q.getColumn(i++).getString();
  m.statusSince = sql::date(q.getColumn(i++));
  return m;
}

std::vector<MemberFacts> readAllFacts(SQLite::Statement& q) {
  std::vector<MemberFacts> out;
  while (q.executeStep()) out.push_back(readFacts(q));
  return out;
}

constexpr const char* kRecognitionColumns =
    "SELECT id, member_id, cell_review_on, official_count, in_favour, decision_no, decision_on, result FROM "
    "recognitions ";

Recognition readRecognition(SQLite::Statement& q) {
  Recognition r;
  r.id = q.getColumn(0).getInt64();
  r.memberId = q.getColumn(1).getInt64();
  r.cellReviewOn = sql::date(q.getColumn(2));
  r.officialCount = sql::optInt(q.getColumn(3));
  r.inFavour = sql::optInt(q.getColumn(4));
  r.decisionNo = q.getColumn(5).getString();
  r.decisionOn = sql::date(q.getColumn(6));
  r.result = q.getColumn(7).getString();
  return r;
}
}  // namespace

std::optional<core::Candidate> AdmissionRepository::candidateByCode(const std::string& code) {
  auto q = db_.prepare(std::string(kCandidateColumns) + "WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return readCandidate(q);
}

std::optional<core::Candidate> AdmissionRepository::candidateById(core::Id id) {
  auto q = db_.prepare(std::string(kCandidateColumns) + "WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readCandidate(q);
}

std::vector<core::Candidate> AdmissionRepository::candidates(std::optional<core::Id> cellId,
                                                             const std::string& status) {
  auto q = db_.prepare(std::string(kCandidateColumns) +
                       "WHERE (?1 IS NULL OR cell_id = ?1) AND (?2 = '' OR status = ?2) ORDER BY code");
  sql::bind(q, 1, cellId);
  q.bind(2, status);
  std::vector<core::Candidate> out;
  while (q.executeStep()) out.push_back(readCandidate(q));
  return out;
}

void AdmissionRepository::updateCandidate(const core::Candidate& c) {
  auto q = db_.prepare(
      "UPDATE candidates SET listed_on = ?, certificate_no = ?, certificate_on = ?, application_on = ?, "
      "history_on = ?, background_check_on = ?, background_check_result = ?, sponsor1 = ?, "
      "sponsor1_since = ?, sponsor2 = ?, sponsor2_since = ?, youth_union_resolution = ?, "
      "mass_org_comment_on = ?, cell_vote_on = ?, cell_vote_official = ?, cell_vote_in_favour = ?, "
      "committee_resolution_on = ?, committee_resolution_no = ?, decision_on = ?, decision_no = ?, "
      "decision_body = ?, ceremony_on = ?, status = ?, outcome_reason = ?, member_id = ?, cccd = ?, "
      "needs_provincial_approval = ?, provincial_approval_no = ? WHERE id = ?");
  int i = sql::bindCandidateStages(q, 1, c);
  q.bind(i++, c.cccd);
  q.bind(i++, c.needsProvincialApproval ? 1 : 0);
  q.bind(i++, c.provincialApprovalNo);
  q.bind(i, static_cast<int64_t>(c.id));
  q.exec();
}

void AdmissionRepository::saveHelper(core::Id candidateId, const CandidateHelper& h) {
  auto q = db_.prepare(
      "INSERT INTO candidate_helpers (candidate_id, member_id, from_date) VALUES (?, ?, ?) "
      "ON CONFLICT (candidate_id, member_id) DO UPDATE SET from_date = excluded.from_date");
  q.bind(1, static_cast<int64_t>(candidateId));
  q.bind(2, static_cast<int64_t>(h.memberId));
  sql::bind(q, 3, h.from);
  q.exec();
}

std::vector<CandidateHelper> AdmissionRepository::helpers(core::Id candidateId) {
  auto q =
      db_.prepare("SELECT member_id, from_date FROM candidate_helpers WHERE candidate_id = ? ORDER BY rowid");
  q.bind(1, static_cast<int64_t>(candidateId));
  std::vector<CandidateHelper> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), sql::date(q.getColumn(1))});
  return out;
}

core::Id AdmissionRepository::insertCheck(const CandidateCheck& c) {
  auto q = db_.prepare(
      "INSERT INTO candidate_checks (id, candidate_id, person, relation, checked_on, result) VALUES "
      "(?, ?, ?, ?, ?, ?)");
  sql::bindId(q, 1, c.id);
  q.bind(2, static_cast<int64_t>(c.candidateId));
  q.bind(3, c.person);
  q.bind(4, c.relation);
  sql::bind(q, 5, c.checkedOn);
  q.bind(6, c.result);
  q.exec();
  return c.id ? c.id : db_.db().getLastInsertRowid();
}

std::vector<CandidateCheck> AdmissionRepository::checks(core::Id candidateId) {
  auto q = db_.prepare(
      "SELECT id, candidate_id, person, relation, checked_on, result FROM candidate_checks WHERE "
      "candidate_id = ? ORDER BY id");
  q.bind(1, static_cast<int64_t>(candidateId));
  std::vector<CandidateCheck> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), sql::date(q.getColumn(4)), q.getColumn(5).getString()});
  return out;
}

std::optional<Recognition> AdmissionRepository::recognition(core::Id memberId) {
  auto q = db_.prepare(std::string(kRecognitionColumns) + "WHERE member_id = ?");
  q.bind(1, static_cast<int64_t>(memberId));
  if (!q.executeStep()) return std::nullopt;
  return readRecognition(q);
}

void AdmissionRepository::saveRecognition(const Recognition& r) {
  auto q = db_.prepare(
      "INSERT INTO recognitions (member_id, cell_review_on, official_count, in_favour, decision_no, "
      "decision_on, result) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET "
      "cell_review_on = excluded.cell_review_on, official_count = excluded.official_count, "
      "in_favour = excluded.in_favour, decision_no = excluded.decision_no, "
      "decision_on = excluded.decision_on, result = excluded.result");
  q.bind(1, static_cast<int64_t>(r.memberId));
  sql::bind(q, 2, r.cellReviewOn);
  sql::bind(q, 3, r.officialCount);
  sql::bind(q, 4, r.inFavour);
  q.bind(5, r.decisionNo);
  sql::bind(q, 6, r.decisionOn);
  q.bind(7, r.result);
  q.exec();
}

std::vector<Recognition> AdmissionRepository::recognitions() {
  auto q = db_.prepare(std::string(kRecognitionColumns) + "ORDER BY member_id");
  std::vector<Recognition> out;
  while (q.executeStep()) out.push_back(readRecognition(q));
  return out;
}

std::optional<MemberFacts> AdmissionRepository::memberFacts(core::Id id) {
  auto q = db_.prepare(std::string(kFactColumns) + "WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readFacts(q);
}

std::vector<MemberFacts> AdmissionRepository::probationaryMembers() {
  auto q = db_.prepare(std::string(kFactColumns) +
                       "WHERE official_on IS NULL AND admitted_on IS NOT NULL AND status IN ('active', "
                       "'exempt') ORDER BY code");
  return readAllFacts(q);
}

std::vector<MemberFacts> AdmissionRepository::admittedPresentMembers() {
  auto q = db_.prepare(std::string(kFactColumns) +
                       "WHERE admitted_on IS NOT NULL AND status IN ('active', 'exempt') ORDER BY code");
  return readAllFacts(q);
}

std::vector<MemberFacts> AdmissionRepository::membersLike(const std::string& cccd,
                                                          const std::string& searchKey) {
  auto q = db_.prepare(std::string(kFactColumns) +
                       "WHERE (?1 <> '' AND cccd = ?1) OR (?2 <> '' AND search_key = ?2) ORDER BY code");
  q.bind(1, cccd);
  q.bind(2, searchKey);
  return readAllFacts(q);
}

std::vector<std::string> AdmissionRepository::removalGrounds(core::Id memberId) {
  auto q = db_.prepare("SELECT ground FROM removals WHERE member_id = ? ORDER BY decision_on, id");
  q.bind(1, static_cast<int64_t>(memberId));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<core::Candidate> AdmissionRepository::candidatesWithCccd(const std::string& cccd) {
  auto q = db_.prepare(std::string(kCandidateColumns) + "WHERE cccd = ? AND cccd <> '' ORDER BY code");
  q.bind(1, cccd);
  std::vector<core::Candidate> out;
  while (q.executeStep()) out.push_back(readCandidate(q));
  return out;
}

std::vector<AdmissionFact> AdmissionRepository::admissionsBetween(const core::Date& from,
                                                                  const core::Date& to) {
  std::vector<AdmissionFact> out;
  auto m = db_.prepare("SELECT " + rule::kAdmissionCell + ", m.admitted_on FROM members m WHERE " +
                       rule::kAdmittedHereBetween);
  m.bind(1, from.iso());
  m.bind(2, to.iso());
  while (m.executeStep()) out.push_back({m.getColumn(0).getInt64(), sql::requiredDate(m.getColumn(1)), true});
  auto c = db_.prepare("SELECT c.cell_id, c.decision_on FROM candidates c WHERE " +
                       rule::kDecidedAwaitingCeremony);
  c.bind(1, from.iso());
  c.bind(2, to.iso());
  while (c.executeStep())
    out.push_back({c.getColumn(0).getInt64(), sql::requiredDate(c.getColumn(1)), false});
  return out;
}

}  // namespace dangbo::store

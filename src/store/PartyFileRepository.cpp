#include "store/PartyFileRepository.h"

#include "store/Sql.h"

namespace dangbo::store {

namespace {

constexpr const char* kInterruptionColumns =
    "SELECT id, member_id, kind, from_date, to_date, first_admitted_on, former_member_id, note "
    "FROM party_interruptions ";

core::PartyInterruption readInterruption(SQLite::Statement& q) {
  core::PartyInterruption i;
  i.id = q.getColumn(0).getInt64();
  i.memberId = q.getColumn(1).getInt64();
  i.kind = q.getColumn(2).getString();
  i.from = sql::requiredDate(q.getColumn(3));
  i.to = sql::date(q.getColumn(4));
  i.firstAdmittedOn = sql::date(q.getColumn(5));
  i.formerMemberId = sql::optId(q.getColumn(6));
  i.note = q.getColumn(7).getString();
  return i;
}

constexpr const char* kAwardColumns =
    "SELECT id, member_id, milestone, decision_no, decision_on, badge_no, ceremony_on, note FROM "
    "badge_awards ";

core::BadgeAward readAward(SQLite::Statement& q) {
  core::BadgeAward a;
  a.id = q.getColumn(0).getInt64();
  a.memberId = q.getColumn(1).getInt64();
  a.milestone = q.getColumn(2).getInt();
  a.decisionNo = q.getColumn(3).getString();
  a.decisionOn = sql::date(q.getColumn(4));
  a.badgeNo = q.getColumn(5).getString();
  a.ceremonyOn = sql::date(q.getColumn(6));
  a.note = q.getColumn(7).getString();
  return a;
}

}  // namespace

std::vector<core::PartyInterruption> PartyFileRepository::interruptions(core::Id memberId) {
  auto q = db_.prepare(std::string(kInterruptionColumns) + "WHERE member_id = ? ORDER BY from_date, id");
  q.bind(1, static_cast<int64_t>(memberId));
  std::vector<core::PartyInterruption> out;
  while (q.executeStep()) out.push_back(readInterruption(q));
  return out;
}

std::map<core::Id, std::vector<core::PartyInterruption>> PartyFileRepository::allInterruptions() {
  auto q = db_.prepare(std::string(kInterruptionColumns) + "ORDER BY member_id, from_date, id");
  std::map<core::Id, std::vector<core::PartyInterruption>> out;
  while (q.executeStep()) {
    auto i = readInterruption(q);
    out[i.memberId].push_back(std::move(i));
  }
  return out;
}

std::optional<core::PartyInterruption> PartyFileRepository::interruption(core::Id id) {
  auto q = db_.prepare(std::string(kInterruptionColumns) + "WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readInterruption(q);
}

core::Id PartyFileRepository::insertInterruption(const core::PartyInterruption& i) {
  auto q = db_.prepare(
      "INSERT INTO party_interruptions (member_id, kind, from_date, to_date, first_admitted_on, "
      "former_member_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(i.memberId));
  q.bind(2, i.kind);
  q.bind(3, i.from.iso());
  sql::bind(q, 4, i.to);
  sql::bind(q, 5, i.firstAdmittedOn);
  sql::bind(q, 6, i.formerMemberId);
  q.bind(7, i.note);
  q.bind(8, sql::nowUtc());
  q.exec();
  return db_.db().getLastInsertRowid();
}

void PartyFileRepository::deleteInterruption(core::Id id) {
  auto q = db_.prepare("DELETE FROM party_interruptions WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  q.exec();
}

std::vector<core::BadgeAward> PartyFileRepository::badgeAwards(std::optional<core::Id> memberId) {
  auto q = db_.prepare(std::string(kAwardColumns) +
                       "WHERE ?1 IS NULL OR member_id = ?1 ORDER BY member_id, milestone");
  sql::bind(q, 1, memberId);
  std::vector<core::BadgeAward> out;
  while (q.executeStep()) out.push_back(readAward(q));
  return out;
}

core::Id PartyFileRepository::insertBadgeAward(const core::BadgeAward& a) {
  auto q = db_.prepare(
      "INSERT INTO badge_awards (member_id, milestone, decision_no, decision_on, badge_no, "
      "ceremony_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(a.memberId));
  q.bind(2, a.milestone);
  q.bind(3, a.decisionNo);
  sql::bind(q, 4, a.decisionOn);
  q.bind(5, a.badgeNo);
  sql::bind(q, 6, a.ceremonyOn);
  q.bind(7, a.note);
  q.bind(8, sql::nowUtc());
  q.exec();
  return db_.db().getLastInsertRowid();
}

std::map<core::Id, std::string> PartyFileRepository::badgeNumbers(const core::Date& asOf) {
  auto q = db_.prepare(
      "SELECT member_id, badge_no FROM badge_awards WHERE badge_no <> '' AND (decision_on IS NULL "
      "OR decision_on <= ?) ORDER BY member_id, milestone");
  q.bind(1, asOf.iso());
  std::map<core::Id, std::string> out;
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
  return out;
}

std::vector<core::BadgeRequest> PartyFileRepository::badgeRequests(std::optional<core::Id> memberId) {
  auto q = db_.prepare(
      "SELECT id, member_id, kind, requested_on, note FROM badge_requests "
      "WHERE ?1 IS NULL OR member_id = ?1 ORDER BY member_id, kind");
  sql::bind(q, 1, memberId);
  std::vector<core::BadgeRequest> out;
  while (q.executeStep()) {
    core::BadgeRequest r;
    r.id = q.getColumn(0).getInt64();
    r.memberId = q.getColumn(1).getInt64();
    r.kind = q.getColumn(2).getString();
    r.requestedOn = sql::requiredDate(q.getColumn(3));
    r.note = q.getColumn(4).getString();
    out.push_back(std::move(r));
  }
  return out;
}

core::Id PartyFileRepository::insertBadgeRequest(const core::BadgeRequest& r) {
  auto q = db_.prepare(
      "INSERT INTO badge_requests (member_id, kind, requested_on, note, created_at) "
      "VALUES (?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(r.memberId));
  q.bind(2, r.kind);
  q.bind(3, r.requestedOn.iso());
  q.bind(4, r.note);
  q.bind(5, sql::nowUtc());
  q.exec();
  return db_.db().getLastInsertRowid();
}

std::vector<BadgeMemberFacts> PartyFileRepository::badgeMembers() {
  auto q = db_.prepare(
      "SELECT id, code, full_name, birth_date, cell_id, admitted_on, status, status_since "
      "FROM members WHERE admitted_on IS NOT NULL AND status IN ('active', 'exempt', 'deceased') "
      "ORDER BY code");
  std::vector<BadgeMemberFacts> out;
  while (q.executeStep()) {
    BadgeMemberFacts m;
    m.id = q.getColumn(0).getInt64();
    m.code = q.getColumn(1).getString();
    m.fullName = q.getColumn(2).getString();
    m.birthDate = sql::partial(q.getColumn(3));
    m.cellId = q.getColumn(4).getInt64();
    m.admittedOn = sql::date(q.getColumn(5));
    m.status = q.getColumn(6).getString();
    m.statusSince = sql::date(q.getColumn(7));
    out.push_back(std::move(m));
  }
  return out;
}

std::map<core::Id, std::vector<MemberDiscipline>> PartyFileRepository::memberDisciplines() {
  auto q = db_.prepare(
      "SELECT subject_id, form, date FROM disciplines WHERE subject_type = 'dang_vien' "
      "AND form IN ('khien_trach', 'canh_cao', 'cach_chuc') ORDER BY subject_id, date");
  std::map<core::Id, std::vector<MemberDiscipline>> out;
  while (q.executeStep()) {
    auto on = sql::date(q.getColumn(2));
    if (!on) continue;
    out[q.getColumn(0).getInt64()].push_back({q.getColumn(1).getString(), *on});
  }
  return out;
}

}  // namespace dangbo::store

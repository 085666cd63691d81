#include "store/RegisterRepository.h"

#include "core/VietText.h"
#include "store/DomainRules.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace {
constexpr const char* kOrgColumns =
    "SELECT o.id, o.code, o.name, o.kind, o.category, o.founded, o.ceased, o.merged_into, (SELECT "
    "min(coalesce(c.from_date, '')) FROM cell_committees c WHERE c.org_id = o.id AND c.to_date IS NULL), "
    "o.parent_id, o.origin FROM organizations o ";

core::Organization readOrganization(SQLite::Statement& q) {
  core::Organization o;
  o.id = q.getColumn(0).getInt64();
  o.code = q.getColumn(1).getString();
  o.name = q.getColumn(2).getString();
  o.kind = q.getColumn(3).getString();
  o.category = q.getColumn(4).getString();
  o.founded = sql::date(q.getColumn(5));
  o.ceased = sql::date(q.getColumn(6));
  o.mergedInto = sql::optId(q.getColumn(7));
  o.hasCommittee = !q.getColumn(8).isNull();
  o.committeeSince = sql::date(q.getColumn(8));
  o.parent = sql::optId(q.getColumn(9));
  o.origin = q.getColumn(10).getString();
  return o;
}

constexpr const char* kMemberColumns =
    "SELECT id, code, full_name, birth_name, gender, birth_date, birth_place, hometown, residence, "
    "coalesce(ethnicity, ''), religion, cccd, phone, education, qualification, theory, occupation, "
    "admitted_on, "
    "ceremony_on, official_on, card_no, file_no, transferred_in_on, transferred_in_from, cell_id, status, "
    "status_since, candidate_id FROM members ";

core::Member readMember(SQLite::Statement& q) {
  core::Member m;
  int i = 0;
  m.id = q.getColumn(i++).getInt64();
  m.code = q.getColumn(i++).getString();
  m.fullName = q.getColumn(i++).getString();
  m.birthName = q.getColumn(i++).getString();
  m.gender = q.getColumn(i++).getString();
  m.birthDate = sql::partial(q.getColumn(i++));
  m.birthPlace = q.getColumn(i++).getString();
  m.hometown = q.getColumn(i++).getString();
  m.residence = q.getColumn(i++).getString();
  m.ethnicity = q.getColumn(i++).getString();
  m.religion = q.getColumn(i++).getString();
  m.cccd = q.getColumn(i++).getString();
  m.phone = q.getColumn(i++).getString();
  m.education = q.getColumn(i++).getString();
  m.qualification = q.getColumn(i++).getString();
  m.theory = q.getColumn(i++).getString();
  m.occupation = q.getColumn(i++).getString();
  m.admittedOn = sql::date(q.getColumn(i++));
  m.ceremonyOn = sql::date(q.getColumn(i++));
  m.officialOn = sql::date(q.getColumn(i++));
  m.cardNo = q.getColumn(i++).getString();
  m.fileNo = q.getColumn(i++).getString();
  m.transferredInOn = sql::date(q.getColumn(i++));
  m.transferredInFrom = q.getColumn(i++).getString();
  m.cellId = q.getColumn(i++).getInt64();
  m.status = q.getColumn(i++).getString();
  m.statusSince = sql::date(q.getColumn(i++));
  m.candidateId = sql::optId(q.getColumn(i++));
  return m;
}
}  // namespace

struct RegisterRepository::Statements {
  LazyStatement org, member, event, leader, committee, training;
  explicit Statements(Database& db)
      : org(db,
            "INSERT INTO organizations (id, code, name, kind, category, founded, ceased, merged_into, "
            "search_key, "
            "parent_id, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        member(db,
               "INSERT INTO members (code, full_name, birth_name, search_key, sort_key, gender, birth_date, "
               "birth_place, hometown, residence, ethnicity, religion, cccd, phone, education, "
               "qualification, theory, "
               "occupation, admitted_on, ceremony_on, official_on, card_no, file_no, transferred_in_on, "
               "transferred_in_from, cell_id, status, status_since, candidate_id, updated_at, id) VALUES (?, "
               "?, ?, ?, "
               "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        event(db,
              "INSERT INTO member_events (id, member_id, date, kind, from_cell, to_cell, place, decision_no, "
              "reason, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        leader(
            db,
            "INSERT INTO cell_leaders (org_id, member_id, role, from_date, to_date) VALUES (?, ?, ?, ?, ?)"),
        committee(db, "INSERT INTO cell_committees (org_id, from_date) VALUES (?, ?)"),
        training(db, "INSERT INTO trainings (id, member_id, year, date, course) VALUES (?, ?, ?, ?, ?)") {}
};

RegisterRepository::RegisterRepository(Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}
RegisterRepository::~RegisterRepository() = default;

core::Id RegisterRepository::insertOrganization(const core::Organization& o) {
  auto& q = st_->org();
  q.reset();
  sql::bindId(q, 1, o.id);
  q.bind(2, o.code);
  q.bind(3, core::normalizeText(o.name));
  q.bind(4, o.kind);
  q.bind(5, o.category);
  sql::bind(q, 6, o.founded);
  sql::bind(q, 7, o.ceased);
  sql::bind(q, 8, o.mergedInto);
  q.bind(9, core::fold(o.name));
  sql::bind(q, 10, o.parent);
  q.bind(11, core::normalizeText(o.origin));
  q.exec();
  core::Id id = o.id ? o.id : db_.db().getLastInsertRowid();
  if (o.hasCommittee) {
    auto& c = st_->committee();
    c.reset();
    c.bind(1, static_cast<int64_t>(id));
    sql::bind(c, 2, o.committeeSince);
    c.exec();
  }
  return id;
}

namespace {
// Binds every column of a member but the id, in the order both member statements share; returns the
// index of the id's parameter.
int bindMember(SQLite::Statement& q, const core::Member& m) {
  std::string name = core::normalizeText(m.fullName);
  std::string sortKey = core::nameSortKey(name);
  int i = 1;
  q.bind(i++, m.code);
  q.bind(i++, name);
  q.bind(i++, core::normalizeText(m.birthName));
  q.bind(i++, core::fold(name));
  q.bind(i++, sortKey.data(), int(sortKey.size()));
  q.bind(i++, m.gender);
  sql::bind(q, i++, m.birthDate);
  q.bind(i++, m.birthPlace);
  q.bind(i++, m.hometown);
  q.bind(i++, m.residence);
  if (m.ethnicity.empty())
    q.bind(i++);
  else
    q.bind(i++, m.ethnicity);
  q.bind(i++, m.religion);
  q.bind(i++, m.cccd);
  q.bind(i++, m.phone);
  q.bind(i++, m.education);
  q.bind(i++, m.qualification);
  q.bind(i++, m.theory);
  q.bind(i++, m.occupation);
  sql::bind(q, i++, m.admittedOn);
  sql::bind(q, i++, m.ceremonyOn);
  sql::bind(q, i++, m.officialOn);
  q.bind(i++, m.cardNo);
  q.bind(i++, m.fileNo);
  sql::bind(q, i++, m.transferredInOn);
  q.bind(i++, m.transferredInFrom);
  q.bind(i++, static_cast<int64_t>(m.cellId));
  q.bind(i++, m.status);
  sql::bind(q, i++, m.statusSince);
  sql::bind(q, i++, m.candidateId);
  q.bind(i++, sql::nowUtc());
  return i;
}
}  // namespace

core::Id RegisterRepository::insertMember(const core::Member& m) {
  auto& q = st_->member();
  q.reset();
  sql::bindId(q, bindMember(q, m), m.id);
  q.exec();
  return m.id ? m.id : db_.db().getLastInsertRowid();
}

core::Id RegisterRepository::insertEvent(const core::MemberEvent& e) {
  auto& q = st_->event();
  q.reset();
  sql::bindId(q, 1, e.id);
  q.bind(2, static_cast<int64_t>(e.memberId));
  q.bind(3, e.date.iso());
  q.bind(4, e.kind);
  sql::bind(q, 5, e.fromCell);
  sql::bind(q, 6, e.toCell);
  q.bind(7, e.place);
  q.bind(8, e.decisionNo);
  q.bind(9, e.reason);
  q.bind(10, sql::nowUtc());
  q.exec();
  return e.id ? e.id : db_.db().getLastInsertRowid();
}

void RegisterRepository::insertLeader(const core::CellLeader& l) {
  auto& q = st_->leader();
  q.reset();
  q.bind(1, static_cast<int64_t>(l.orgId));
  q.bind(2, static_cast<int64_t>(l.memberId));
  q.bind(3, l.role);
  q.bind(4, l.from.iso());
  sql::bind(q, 5, l.to);
  q.exec();
}

void RegisterRepository::insertTraining(const core::Training& t) {
  auto& q = st_->training();
  q.reset();
  sql::bindId(q, 1, t.id);
  q.bind(2, static_cast<int64_t>(t.memberId));
  q.bind(3, t.year);
  sql::bind(q, 4, t.date);
  q.bind(5, t.course);
  q.exec();
}

std::vector<core::Organization> RegisterRepository::organizations() {
  std::vector<core::Organization> out;
  auto q = db_.prepare(std::string(kOrgColumns) + "ORDER BY o.code");
  while (q.executeStep()) out.push_back(readOrganization(q));
  return out;
}

RegisterCounts RegisterRepository::countsOn(const core::Date& on) {
  RegisterCounts c;
  const std::string d = on.iso();
  auto o = db_.prepare(
      "SELECT count(*), coalesce(sum(kind = 'co_so'), 0), coalesce(sum(kind = 'truc_thuoc'), 0) "
      "FROM organizations WHERE (founded IS NULL OR founded <= ?1) AND (ceased IS NULL OR ceased > ?1)");
  o.bind(1, d);
  if (o.executeStep()) {
    c.organizations = o.getColumn(0).getInt();
    c.grassroots = o.getColumn(1).getInt();
    c.subordinate = o.getColumn(2).getInt();
  }
  // Active or exempt on the day: joined on or before it, and no ending status begun on or before it.
  auto m = db_.prepare(
      "SELECT count(*), coalesce(sum(m.official_on IS NOT NULL AND m.official_on <= ?1), 0), "
      "coalesce(sum(" +
      rule::kExemptOn +
      "), 0), coalesce(sum(m.gender = 'nu'), 0) "
      "FROM members m WHERE " +
      rule::kPresentOn);
  m.bind(1, d);
  if (m.executeStep()) {
    c.members = m.getColumn(0).getInt();
    c.official = m.getColumn(1).getInt();
    c.probationary = c.members - c.official;
    c.exempt = m.getColumn(2).getInt();
    c.women = m.getColumn(3).getInt();
  }
  return c;
}

std::optional<core::Organization> RegisterRepository::organizationByCode(const std::string& code) {
  auto q = db_.prepare(std::string(kOrgColumns) + "WHERE o.code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return readOrganization(q);
}

void RegisterRepository::updateOrganization(const core::Organization& o) {
  auto q = db_.prepare(
      "UPDATE organizations SET code = ?, name = ?, kind = ?, category = ?, founded = ?, ceased = ?, "
      "merged_into = ?, search_key = ?, parent_id = ?, origin = ? WHERE id = ?");
  q.bind(1, o.code);
  q.bind(2, core::normalizeText(o.name));
  q.bind(3, o.kind);
  q.bind(4, o.category);
  sql::bind(q, 5, o.founded);
  sql::bind(q, 6, o.ceased);
  sql::bind(q, 7, o.mergedInto);
  q.bind(8, core::fold(o.name));
  sql::bind(q, 9, o.parent);
  q.bind(10, core::normalizeText(o.origin));
  q.bind(11, static_cast<int64_t>(o.id));
  q.exec();
}

void RegisterRepository::insertOrganizationEvent(core::Id orgId, const core::Date& date,
                                                 const std::string& kind, std::optional<core::Id> related,
                                                 const std::string& decisionNo, const std::string& detail) {
  auto q = db_.prepare(
      "INSERT INTO organization_events (org_id, date, kind, related_org, decision_no, detail) VALUES "
      "(?, ?, ?, ?, ?, ?)");
  q.bind(1, static_cast<int64_t>(orgId));
  q.bind(2, date.iso());
  q.bind(3, kind);
  sql::bind(q, 4, related);
  q.bind(5, decisionNo);
  q.bind(6, detail);
  q.exec();
}

void RegisterRepository::openCellCommittee(core::Id orgId, const std::optional<core::Date>& from,
                                           const std::string& decisionNo) {
  auto q = db_.prepare(
      "INSERT INTO cell_committees (org_id, from_date, decision_no) SELECT ?1, ?2, ?3 WHERE NOT EXISTS "
      "(SELECT 1 FROM cell_committees WHERE org_id = ?1 AND to_date IS NULL)");
  q.bind(1, static_cast<int64_t>(orgId));
  sql::bind(q, 2, from);
  q.bind(3, decisionNo);
  q.exec();
}

bool RegisterRepository::closeCellCommittee(core::Id orgId, const core::Date& on) {
  auto q = db_.prepare("UPDATE cell_committees SET to_date = ? WHERE org_id = ? AND to_date IS NULL");
  q.bind(1, on.iso());
  q.bind(2, static_cast<int64_t>(orgId));
  return q.exec() > 0;
}

void RegisterRepository::closeLeaders(core::Id orgId, const std::string& role, const core::Date& on) {
  auto q =
      db_.prepare("UPDATE cell_leaders SET to_date = ? WHERE org_id = ? AND role = ? AND to_date IS NULL");
  q.bind(1, on.iso());
  q.bind(2, static_cast<int64_t>(orgId));
  q.bind(3, role);
  q.exec();
}

std::vector<core::CellLeader> RegisterRepository::leaders(core::Id orgId) {
  std::vector<core::CellLeader> out;
  auto q = db_.prepare(
      "SELECT org_id, member_id, role, from_date, to_date FROM cell_leaders WHERE org_id = ? ORDER BY "
      "from_date DESC, id DESC");
  q.bind(1, static_cast<int64_t>(orgId));
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   sql::requiredDate(q.getColumn(3)), sql::date(q.getColumn(4))});
  return out;
}

void RegisterRepository::setLeaderEnd(const core::CellLeader& l) {
  auto q = db_.prepare(
      "UPDATE cell_leaders SET to_date = ?5 WHERE org_id = ?1 AND member_id = ?2 AND role = ?3 AND from_date "
      "= ?4");
  q.bind(1, static_cast<int64_t>(l.orgId));
  q.bind(2, static_cast<int64_t>(l.memberId));
  q.bind(3, l.role);
  q.bind(4, l.from.iso());
  if (l.to)
    q.bind(5, l.to->iso());
  else
    q.bind(5);
  q.exec();
}

std::optional<core::Member> RegisterRepository::memberByCode(const std::string& code) {
  auto q = db_.prepare(std::string(kMemberColumns) + "WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return readMember(q);
}

std::optional<core::Member> RegisterRepository::memberById(core::Id id) {
  auto q = db_.prepare(std::string(kMemberColumns) + "WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return readMember(q);
}

void RegisterRepository::updateMember(const core::Member& m) {
  auto q = db_.prepare(
      "UPDATE members SET code = ?, full_name = ?, birth_name = ?, search_key = ?, sort_key = ?, "
      "gender = ?, birth_date = ?, birth_place = ?, hometown = ?, residence = ?, ethnicity = ?, "
      "religion = ?, cccd = ?, phone = ?, education = ?, qualification = ?, theory = ?, occupation = ?, "
      "admitted_on = ?, ceremony_on = ?, official_on = ?, card_no = ?, file_no = ?, "
      "transferred_in_on = ?, transferred_in_from = ?, cell_id = ?, status = ?, status_since = ?, "
      "candidate_id = ?, updated_at = ? WHERE id = ?");
  q.bind(bindMember(q, m), static_cast<int64_t>(m.id));
  q.exec();
}

std::vector<core::MemberEvent> RegisterRepository::events(core::Id memberId) {
  std::vector<core::MemberEvent> out;
  auto q = db_.prepare(
      "SELECT id, member_id, date, kind, from_cell, to_cell, place, decision_no, reason, "
      "received_on FROM member_events WHERE member_id = ? ORDER BY date, id");
  q.bind(1, static_cast<int64_t>(memberId));
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), sql::requiredDate(q.getColumn(2)),
                   q.getColumn(3).getString(), sql::optId(q.getColumn(4)), sql::optId(q.getColumn(5)),
                   q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString(),
                   sql::date(q.getColumn(9))});
  return out;
}

std::vector<core::Id> RegisterRepository::membersOfCell(core::Id orgId) {
  std::vector<core::Id> out;
  auto q = db_.prepare("SELECT id FROM members WHERE cell_id = ? ORDER BY id");
  q.bind(1, static_cast<int64_t>(orgId));
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<core::Training> RegisterRepository::trainings(core::Id memberId) {
  std::vector<core::Training> out;
  auto q = db_.prepare(
      "SELECT id, member_id, year, date, course FROM trainings WHERE member_id = ? ORDER BY year DESC, "
      "id DESC");
  q.bind(1, static_cast<int64_t>(memberId));
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt(),
                   sql::date(q.getColumn(3)), q.getColumn(4).getString()});
  return out;
}

bool RegisterRepository::ethnicGroupExists(const std::string& code) {
  auto q = db_.prepare("SELECT 1 FROM ethnic_groups WHERE code = ?");
  q.bind(1, code);
  return q.executeStep();
}

int RegisterRepository::memberRows() {
  return db_.db().execAndGet("SELECT count(*) FROM members").getInt();
}

}  // namespace dangbo::store

#include "store/RegisterRepository.h"

#include "core/VietText.h"
#include "store/Sql.h"

namespace dangbo::store {

struct RegisterRepository::Statements {
  SQLite::Statement org, member, event, leader, committee, training;
  explicit Statements(SQLite::Database& db)
      : org(db,
            "INSERT INTO organizations (id, code, name, kind, category, founded, ceased, merged_into, search_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        member(db,
               "INSERT INTO members (id, code, full_name, birth_name, search_key, sort_key, gender, birth_date, "
               "birth_place, hometown, residence, ethnicity, religion, cccd, phone, education, qualification, theory, "
               "occupation, admitted_on, ceremony_on, official_on, card_no, file_no, transferred_in_on, "
               "transferred_in_from, cell_id, status, status_since, candidate_id, updated_at) VALUES (?, ?, ?, ?, ?, "
               "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        event(db,
              "INSERT INTO member_events (id, member_id, date, kind, from_cell, to_cell, place, decision_no, reason, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        leader(db, "INSERT INTO cell_leaders (org_id, member_id, role, from_date, to_date) VALUES (?, ?, ?, ?, ?)"),
        committee(db, "INSERT INTO cell_committees (org_id, from_date) VALUES (?, ?)"),
        training(db, "INSERT INTO trainings (id, member_id, year, date, course) VALUES (?, ?, ?, ?, ?)") {}
};

RegisterRepository::RegisterRepository(Database& db) : db_(db), st_(std::make_unique<Statements>(db.db())) {}
RegisterRepository::~RegisterRepository() = default;

core::Id RegisterRepository::insertOrganization(const core::Organization& o) {
  auto& q = st_->org;
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
  q.exec();
  core::Id id = o.id ? o.id : db_.db().getLastInsertRowid();
  if (o.hasCommittee) {
    auto& c = st_->committee;
    c.reset();
    c.bind(1, static_cast<int64_t>(id));
    sql::bind(c, 2, o.committeeSince);
    c.exec();
  }
  return id;
}

core::Id RegisterRepository::insertMember(const core::Member& m) {
  auto& q = st_->member;
  q.reset();
  std::string name = core::normalizeText(m.fullName);
  std::string sortKey = core::nameSortKey(name);
  int i = 1;
  sql::bindId(q, i++, m.id);
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
  if (m.ethnicity.empty()) q.bind(i++); else q.bind(i++, m.ethnicity);
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
  q.exec();
  return m.id ? m.id : db_.db().getLastInsertRowid();
}

core::Id RegisterRepository::insertEvent(const core::MemberEvent& e) {
  auto& q = st_->event;
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
  auto& q = st_->leader;
  q.reset();
  q.bind(1, static_cast<int64_t>(l.orgId));
  q.bind(2, static_cast<int64_t>(l.memberId));
  q.bind(3, l.role);
  q.bind(4, l.from.iso());
  sql::bind(q, 5, l.to);
  q.exec();
}

void RegisterRepository::insertTraining(const core::Training& t) {
  auto& q = st_->training;
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
  SQLite::Statement q(db_.db(),
                      "SELECT o.id, o.code, o.name, o.kind, o.category, o.founded, o.ceased, o.merged_into, "
                      "(SELECT min(coalesce(c.from_date, '')) FROM cell_committees c WHERE c.org_id = o.id AND "
                      "c.to_date IS NULL) FROM organizations o ORDER BY o.code");
  while (q.executeStep()) {
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
    out.push_back(std::move(o));
  }
  return out;
}

RegisterCounts RegisterRepository::countsOn(const core::Date& on) {
  RegisterCounts c;
  const std::string d = on.iso();
  SQLite::Statement o(db_.db(),
                      "SELECT count(*), coalesce(sum(kind = 'co_so'), 0), coalesce(sum(kind = 'truc_thuoc'), 0) "
                      "FROM organizations WHERE (founded IS NULL OR founded <= ?1) AND (ceased IS NULL OR ceased > ?1)");
  o.bind(1, d);
  if (o.executeStep()) {
    c.organizations = o.getColumn(0).getInt();
    c.grassroots = o.getColumn(1).getInt();
    c.subordinate = o.getColumn(2).getInt();
  }
  // Active or exempt on the day: joined on or before it, and no ending status begun on or before it.
  SQLite::Statement m(db_.db(),
                      "SELECT count(*), coalesce(sum(official_on IS NOT NULL AND official_on <= ?1), 0), "
                      "coalesce(sum(status = 'exempt' AND status_since <= ?1), 0), coalesce(sum(gender = 'nu'), 0) "
                      "FROM members WHERE coalesce(transferred_in_on, admitted_on) <= ?1 AND NOT (status IN "
                      "('transferred_out', 'deceased', 'removed', 'expelled', 'left') AND status_since <= ?1)");
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

int RegisterRepository::memberRows() { return db_.db().execAndGet("SELECT count(*) FROM members").getInt(); }

}  // namespace dangbo::store

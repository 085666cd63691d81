#include "store/ReportQueries.h"

#include "store/DomainRules.h"
#include "store/MemberQuery.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace {

// The member columns the congress figures use, read by readMember (prefix "m.").
constexpr const char* kMemberColumns =
    "m.id, m.code, m.full_name, m.gender, m.birth_date, m.ethnicity, m.qualification, m.theory, "
    "m.admitted_on, "
    "m.official_on, m.transferred_in_on, m.cell_id, m.status, m.status_since";

core::Member readMember(SQLite::Statement& q, int first) {
  core::Member m;
  int i = first;
  m.id = q.getColumn(i++).getInt64();
  m.code = q.getColumn(i++).getString();
  m.fullName = q.getColumn(i++).getString();
  m.gender = q.getColumn(i++).getString();
  m.birthDate = sql::partial(q.getColumn(i++));
  const SQLite::Column ethnicity = q.getColumn(i++);
  m.ethnicity = ethnicity.isNull() ? std::string() : ethnicity.getString();
  m.qualification = q.getColumn(i++).getString();
  m.theory = q.getColumn(i++).getString();
  m.admittedOn = sql::date(q.getColumn(i++));
  m.officialOn = sql::date(q.getColumn(i++));
  m.transferredInOn = sql::date(q.getColumn(i++));
  m.cellId = q.getColumn(i++).getInt64();
  m.status = q.getColumn(i++).getString();
  m.statusSince = sql::date(q.getColumn(i++));
  return m;
}

}  // namespace

std::vector<OrganizationOnDay> organizationsOn(Database& db, const core::Date& day) {
  SQLite::Statement q(db.db(),
                      "SELECT o.id, o.code, o.kind, o.category, EXISTS (SELECT 1 FROM cell_committees c "
                      "WHERE c.org_id = o.id AND (c.from_date IS NULL OR c.from_date <= ?1) "
                      "AND (c.to_date IS NULL OR c.to_date > ?1)) "
                      "FROM organizations o WHERE (o.founded IS NULL OR o.founded <= ?1) "
                      "AND (o.ceased IS NULL OR o.ceased > ?1) ORDER BY o.code");
  q.bind(1, day.iso());
  std::vector<OrganizationOnDay> out;
  while (q.executeStep()) {
    OrganizationOnDay o;
    o.id = q.getColumn(0).getInt64();
    o.code = q.getColumn(1).getString();
    o.kind = q.getColumn(2).getString();
    o.category = q.getColumn(3).getString();
    o.cellCommittee = q.getColumn(4).getInt() != 0;
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<core::Member> membersPresentOn(Database& db, const core::Date& day) {
  // The statement narrows to members who joined by the day; presentOn applies the whole definition.
  SQLite::Statement q(db.db(), std::string("SELECT ") + kMemberColumns +
                                   " FROM members m WHERE coalesce(m.transferred_in_on, m.admitted_on) <= ?1 "
                                   "ORDER BY m.code");
  q.bind(1, day.iso());
  std::vector<core::Member> out;
  while (q.executeStep()) {
    core::Member m = readMember(q, 0);
    if (presentOn(m, day)) out.push_back(std::move(m));
  }
  return out;
}

std::vector<PresentGroup> presentGroups(Database& db, const core::Date& day) {
  // Read in the order of the covering index members_born (migration 0028): grouped as it goes, no sort.
  SQLite::Statement q(
      db.db(),
      "SELECT m.birth_date, m.gender, m.ethnicity, count(*), sum(coalesce(m.official_on <= ?1, 0)), sum(" +
          rule::kExemptOn + ") FROM members m WHERE " + rule::kPresentOn +
          " GROUP BY m.birth_date, m.gender, m.ethnicity");
  q.bind(1, day.iso());
  std::vector<PresentGroup> out;
  while (q.executeStep()) {
    PresentGroup g;
    g.birthDate = sql::partial(q.getColumn(0));
    g.gender = q.getColumn(1).isNull() ? std::string() : q.getColumn(1).getString();
    g.ethnicity = q.getColumn(2).isNull() ? std::string() : q.getColumn(2).getString();
    g.count = q.getColumn(3).getInt64();
    g.official = q.getColumn(4).getInt64();
    g.exempt = q.getColumn(5).getInt64();
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<core::Id> membersChangedBetween(Database& db, const core::Date& from, const core::Date& to,
                                            const std::vector<std::string>& codes) {
  // The codes as a JSON array of strings (quotes and backslashes escaped; codes hold no control characters).
  std::string json = "[";
  for (const auto& code : codes) {
    json += json.size() > 1 ? ",\"" : "\"";
    for (char ch : code) {
      if (ch == '"' || ch == '\\') json += '\\';
      json += ch;
    }
    json += '"';
  }
  json += "]";
  SQLite::Statement q(db.db(),
                      "SELECT member_id FROM member_events WHERE date BETWEEN ?1 AND ?2 UNION "
                      "SELECT id FROM members WHERE code IN (SELECT value FROM json_each(?3)) ORDER BY 1");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  q.bind(3, json);
  std::vector<core::Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::map<int, int> admissionsByYear(Database& db, const core::Date& from, const core::Date& to) {
  SQLite::Statement q(db.db(),
                      "SELECT CAST(substr(m.admitted_on, 1, 4) AS INTEGER), count(*) FROM members m WHERE " +
                          rule::kAdmittedHereBetween + " GROUP BY 1");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::map<int, int> out;
  while (q.executeStep()) out[q.getColumn(0).getInt()] = q.getColumn(1).getInt();
  return out;
}

std::map<core::Id, int> admissionsByCell(Database& db, const core::Date& from, const core::Date& to) {
  SQLite::Statement q(db.db(), "SELECT " + rule::cellOnDayOf("m.admitted_on") +
                                   ", count(*) FROM members m WHERE " + rule::kAdmittedHereBetween +
                                   " GROUP BY 1");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::map<core::Id, int> out;
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt();
  return out;
}

std::vector<RatingCount> ratingCounts(Database& db, int fromYear, int toYear) {
  SQLite::Statement q(db.db(),
                      "SELECT year, subject_type, level, count(*) FROM ratings WHERE year BETWEEN ?1 AND ?2 "
                      "GROUP BY year, subject_type, level ORDER BY year, subject_type, level");
  q.bind(1, fromYear);
  q.bind(2, toYear);
  std::vector<RatingCount> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt()});
  return out;
}

InspectedSubjects inspectedSubjects(Database& db, const core::Date& from, const core::Date& to,
                                    InspectionKinds kinds) {
  const char* filter = kinds == InspectionKinds::Inspections    ? " AND kind <> 'giam_sat'"
                       : kinds == InspectionKinds::Supervisions ? " AND kind = 'giam_sat'"
                                                                : "";
  SQLite::Statement q(
      db.db(), std::string("SELECT count(DISTINCT CASE WHEN subject_type = 'to_chuc' THEN subject_id END), "
                           "count(DISTINCT CASE WHEN subject_type = 'dang_vien' THEN subject_id END) "
                           "FROM inspections WHERE date BETWEEN ?1 AND ?2") +
                   filter);
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  InspectedSubjects out;
  if (q.executeStep()) {
    out.organizations = q.getColumn(0).getInt();
    out.members = q.getColumn(1).getInt();
  }
  return out;
}

std::vector<DisciplineCount> disciplineCounts(Database& db, const core::Date& from, const core::Date& to) {
  SQLite::Statement q(db.db(),
                      "SELECT subject_type, form, count(*) FROM disciplines WHERE date BETWEEN ?1 AND ?2 "
                      "GROUP BY subject_type, form ORDER BY subject_type, form");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::vector<DisciplineCount> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt()});
  return out;
}

int membersRemovedIn(Database& db, const core::Date& from, const core::Date& to) {
  SQLite::Statement q(
      db.db(), "SELECT count(*) FROM members WHERE status = 'removed' AND status_since BETWEEN ?1 AND ?2");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

std::vector<SeatHolder> committeeOfTerm(Database& db, core::Id termId) {
  SQLite::Statement q(db.db(), std::string("SELECT s.position, ") + kMemberColumns +
                                   " FROM committee_seats s JOIN members m ON m.id = s.member_id "
                                   "WHERE s.term_id = ?1 ORDER BY m.code");
  q.bind(1, static_cast<int64_t>(termId));
  std::vector<SeatHolder> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), readMember(q, 1)});
  return out;
}

std::vector<core::Term> termsByStart(Database& db) {
  SQLite::Statement q(db.db(), "SELECT id, name, from_year, to_year FROM terms ORDER BY from_year, id");
  std::vector<core::Term> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                   q.getColumn(3).getInt()});
  return out;
}

std::vector<core::Target> targetsWithKey(Database& db, const std::string& key) {
  SQLite::Statement q(db.db(),
                      "SELECT key, from_year, to_year, value, origin FROM targets WHERE key = ?1 "
                      "ORDER BY from_year, to_year, origin");
  q.bind(1, key);
  std::vector<core::Target> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(),
                   q.getColumn(3).getDouble(), q.getColumn(4).getString()});
  return out;
}

std::vector<OrganizationLife> organizationLives(Database& db) {
  SQLite::Statement q(
      db.db(), "SELECT id, category, origin, founded, ceased, merged_into FROM organizations ORDER BY id");
  std::vector<OrganizationLife> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   sql::date(q.getColumn(3)), sql::date(q.getColumn(4)), sql::optId(q.getColumn(5))});
  return out;
}

std::vector<core::Id> villageSecretariesOn(Database& db, const core::Date& day) {
  SQLite::Statement q(
      db.db(),
      "SELECT DISTINCT l.member_id FROM cell_leaders l JOIN organizations o ON o.id = l.org_id "
      "WHERE l.role = 'bi_thu' AND o.category = 'ban' AND l.from_date <= ?1 "
      "AND (l.to_date IS NULL OR l.to_date >= ?1) AND (o.founded IS NULL OR o.founded <= ?1) "
      "AND (o.ceased IS NULL OR o.ceased > ?1) ORDER BY l.member_id");
  q.bind(1, day.iso());
  std::vector<core::Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<core::Id> membersTrainedIn(Database& db, int year) {
  SQLite::Statement q(db.db(),
                      "SELECT DISTINCT member_id FROM trainings WHERE CASE WHEN date IS NULL THEN year = ?1 "
                      "ELSE CAST(substr(date, 1, 4) AS INTEGER) = ?1 END ORDER BY member_id");
  q.bind(1, year);
  std::vector<core::Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool anyTraining(Database& db) {
  return db.db().execAndGet("SELECT EXISTS (SELECT 1 FROM trainings)").getInt() != 0;
}

}  // namespace dangbo::store

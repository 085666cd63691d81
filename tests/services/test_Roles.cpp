// Every refused action of every role: the services refuse (PermissionError) and write nothing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <set>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/Administration.h"
#include "services/Admissions.h"
#include "services/Discipline.h"
#include "services/MemberList.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"

using namespace dangbo;
using services::Actor;

namespace {

const core::Date kToday = *core::Date::make(2026, 11, 29);

/// One small demo commune for the whole file (refused actions change nothing, so it is shared).
struct Demo {
  test::TempDir dir;
  std::unique_ptr<services::Services> s;
  std::string cellA, cellB;  // two village cells with members
  core::Id cellAId = 0;
  std::string memberA, memberB;  // a member of each
  core::Id inspectionId = 0, decisionId = 0;
  Demo() {
    setenv("DANGBO_FAST_HASH", "1", 1);
    services::DemoOptions opt;
    opt.seed = 3;
    opt.villageCells = 6;
    opt.schoolCells = 1;
    opt.members = 160;
    opt.historyYears = 3;
    opt.today = kToday;
    services::Services::createDemo(dir / "roles.db", opt);
    s = services::Services::open(dir / "roles.db");
    services::MemberFilter f;
    f.asOf = kToday;
    for (const auto& m : services::listMembers(*s, Actor::localOffice(), f)) {
      if (cellA.empty()) {
        cellA = m.cellCode;
        memberA = m.code;
      } else if (cellB.empty() && m.cellCode != cellA) {
        cellB = m.cellCode;
        memberB = m.code;
      }
    }
    for (const auto& o : s->organizations(Actor::localOffice()))
      if (o.code == cellA) cellAId = o.id;
    const Actor inspection{"kiemtra", "inspection", std::nullopt};
    auto cases = services::inspections(*s, inspection);
    if (!cases.empty()) inspectionId = cases.front().inspection.id;
    auto ds = services::decisions(*s, inspection);
    if (!ds.empty()) decisionId = ds.front().decision.id;
  }
  int64_t auditRows() {
    return int64_t(store::AuditRepository(services::storeOf(*s)).latest(1000000).size());
  }
};

Demo& demo() {
  static Demo d;
  return d;
}

const Actor kAdmin{"quantri", "admin", std::nullopt};
const Actor kOffice{"vanphong", "office", std::nullopt};
const Actor kInspection{"kiemtra", "inspection", std::nullopt};
const Actor kLeadership{"lanhdao", "leadership", std::nullopt};
Actor secretary() {
  return Actor{"bithu", "secretary", demo().cellAId};
}

/// Checks that `f` is refused with a PermissionError naming the account.
void refused(const Actor& a, const char* what, const std::function<void()>& f) {
  INFO(a.role << ": " << what);
  bool threw = false;
  try {
    f();
  } catch (const core::PermissionError& e) {
    threw = true;
    CHECK(std::string(e.what()).find(a.username) != std::string::npos);
  }
  CHECK(threw);
}

core::Member newMember(const std::string& code) {
  core::Member m;
  m.code = code;
  m.fullName = "Lò Văn Thử";
  m.gender = "nam";
  m.birthDate = core::PartialDate::make(1990, 1, 2);
  m.ethnicity = "03";
  m.admittedOn = *core::Date::make(2020, 3, 1);
  m.ceremonyOn = *core::Date::make(2020, 3, 20);
  m.officialOn = *core::Date::make(2021, 3, 20);
  return m;
}

core::Organization newCell() {
  core::Organization o;
  o.code = "CBTHU";
  o.name = "Chi bộ bản Thử";
  o.kind = "truc_thuoc";
  o.category = "ban";
  return o;
}

/// The register's writes every non-writing role is refused.
void registerWritesRefused(const Actor& a) {
  Demo& d = demo();
  refused(a, "add a member", [&] { services::addMember(*d.s, a, newMember("DVTHU1"), d.cellA, "1-QĐ/ĐU"); });
  refused(a, "update a member", [&] {
    auto f = services::memberFile(*d.s, Actor::localOffice(), d.memberA);
    services::updateMember(*d.s, a, f.member, "thử");
  });
  refused(a, "record an event", [&] {
    services::MemberAction act;
    act.kind = "exempted";
    act.date = kToday;
    services::recordAction(*d.s, a, d.memberA, act);
  });
  refused(a, "add an organization", [&] { services::addOrganization(*d.s, a, newCell()); });
  refused(a, "dissolve an organization",
          [&] { services::dissolveOrganization(*d.s, a, d.cellB, kToday, "2-QĐ/ĐU", d.cellA); });
  refused(a, "add a candidate", [&] {
    services::NewCandidate c;
    c.code = "QCTHU1";
    c.fullName = "Lò Thị Thử";
    c.birthDate = core::PartialDate::make(2000, 1, 1);
    c.gender = "nu";
    c.ethnicity = "03";
    c.cellCode = d.cellA;
    services::createCandidate(*d.s, a, c);
  });
  refused(a, "enter ratings", [&] {
    services::RatingInput in;
    in.subjectCode = d.memberA;
    in.stage = services::RatingStage::SelfAssessment;
    in.level = "HTTNV";
    services::enterMemberRatings(*d.s, a, 2026, {in});
  });
}

void settingsRefused(const Actor& a) {
  Demo& d = demo();
  refused(a, "change the committee", [&] { d.s->saveCommittee(a, d.s->committee()); });
  refused(a, "add a rule value", [&] {
    auto rules = d.s->rules();
    core::RuleValue v = rules.front().values.front();
    d.s->addRuleValue(a, v);
  });
  refused(a, "delete a holiday", [&] { d.s->deleteHoliday(a, kToday); });
}

void caseFilesRefused(const Actor& a) {
  Demo& d = demo();
  refused(a, "list inspections", [&] { services::inspections(*d.s, a); });
  refused(a, "open an inspection", [&] { services::openInspection(*d.s, a, d.inspectionId); });
  refused(a, "list decisions", [&] { services::decisions(*d.s, a); });
  refused(a, "open a decision", [&] { services::openDecision(*d.s, a, d.decisionId); });
  refused(a, "record an inspection",
          [&] { services::recordInspection(*d.s, a, services::InspectionInput{}); });
  refused(a, "record a decision", [&] { services::recordDecision(*d.s, a, services::DecisionInput{}); });
}

void accountsRefused(const Actor& a) {
  Demo& d = demo();
  refused(a, "list accounts", [&] { services::listUsers(*d.s, a); });
  refused(a, "create an account", [&] {
    services::createUser(*d.s, a, {"moi", "Người Mới", "office", std::nullopt, "mat-khau-dai-1"});
  });
  refused(a, "deactivate an account", [&] { services::deactivateUser(*d.s, a, "quantri"); });
  refused(a, "reset a password", [&] { services::resetPassword(*d.s, a, "quantri", "mat-khau-dai-2"); });
  refused(a, "change a role", [&] { services::changeRole(*d.s, a, "quantri", "office"); });
  refused(a, "read the audit trail", [&] { services::auditTrail(*d.s, a, {}); });
  refused(a, "make or restore backups", [&] { services::requireBackupRights(a); });
}

void roundsRefused(const Actor& a) {
  Demo& d = demo();
  refused(a, "open a rating round", [&] { services::openRatingRound(*d.s, a, 2030, kToday); });
  refused(a, "lock a rating round", [&] { services::lockRatingRound(*d.s, a, 2025); });
  refused(a, "reopen a rating round", [&] { services::reopenRatingRound(*d.s, a, 2025, "thử"); });
}

}  // namespace

TEST_CASE("roles: the demo for the refusals has two cells, a case and a decision") {
  Demo& d = demo();
  REQUIRE(!d.cellA.empty());
  REQUIRE(!d.cellB.empty());
  CHECK(d.inspectionId != 0);
  CHECK(d.decisionId != 0);
}

TEST_CASE("roles: a secretary sees and changes only their own cell") {
  Demo& d = demo();
  const Actor sec = secretary();
  const int64_t before = d.auditRows();
  services::MemberFilter f;
  f.asOf = kToday;
  auto rows = services::listMembers(*d.s, sec, f);
  REQUIRE(!rows.empty());
  for (const auto& r : rows) CHECK(r.cellCode == d.cellA);
  f.cellCode = d.cellB;
  CHECK(services::listMembers(*d.s, sec, f).empty());  // another cell's list is empty, not the whole commune
  CHECK(services::memberFile(*d.s, sec, d.memberA).member.code == d.memberA);
  refused(sec, "read a member of another cell", [&] { services::memberFile(*d.s, sec, d.memberB); });
  refused(sec, "read another cell's rating sheet", [&] { services::ratingSheet(*d.s, sec, 2025, d.cellB); });
  refused(sec, "read another cell's discipline summary",
          [&] { services::decisionSummaries(*d.s, sec, d.memberB); });
  refused(sec, "update a member of another cell", [&] {
    auto m = services::memberFile(*d.s, Actor::localOffice(), d.memberB);
    services::updateMember(*d.s, sec, m.member, "thử");
  });
  refused(sec, "add a member to another cell",
          [&] { services::addMember(*d.s, sec, newMember("DVTHU2"), d.cellB, "3-QĐ/ĐU"); });
  refused(sec, "move a member to another cell", [&] {
    services::MemberAction act;
    act.kind = "moved";
    act.date = kToday;
    act.toCellCode = d.cellB;
    services::recordAction(*d.s, sec, d.memberA, act);
  });
  refused(sec, "add an organization", [&] { services::addOrganization(*d.s, sec, newCell()); });
  roundsRefused(sec);
  caseFilesRefused(sec);
  settingsRefused(sec);
  accountsRefused(sec);
  CHECK(d.auditRows() == before);
}

TEST_CASE("roles: leadership reads everything but case files and writes nothing") {
  Demo& d = demo();
  const int64_t before = d.auditRows();
  services::MemberFilter f;
  f.asOf = kToday;
  std::set<std::string> cells;
  for (const auto& r : services::listMembers(*d.s, kLeadership, f)) cells.insert(r.cellCode);
  CHECK(cells.count(d.cellA) == 1);
  CHECK(cells.count(d.cellB) == 1);
  CHECK(services::memberFile(*d.s, kLeadership, d.memberB).member.code == d.memberB);
  registerWritesRefused(kLeadership);
  roundsRefused(kLeadership);
  caseFilesRefused(kLeadership);
  settingsRefused(kLeadership);
  accountsRefused(kLeadership);
  CHECK(d.auditRows() == before);
}

TEST_CASE("roles: only the inspection committee opens case files, and the opening is logged") {
  Demo& d = demo();
  const int64_t before = d.auditRows();
  for (const Actor& a : {kAdmin, kOffice, kLeadership, secretary()}) caseFilesRefused(a);
  CHECK(d.auditRows() == before);
  auto c = services::openInspection(*d.s, kInspection, d.inspectionId);
  CHECK(c.inspection.id == d.inspectionId);
  auto last = store::AuditRepository(services::storeOf(*d.s)).latest(1);
  REQUIRE(last.size() == 1);
  CHECK(last[0].action == "case.open");
  CHECK(last[0].username == "kiemtra");
}

TEST_CASE("roles: the inspection committee does not write the register, settings or accounts") {
  Demo& d = demo();
  const int64_t before = d.auditRows();
  registerWritesRefused(kInspection);
  roundsRefused(kInspection);
  settingsRefused(kInspection);
  accountsRefused(kInspection);
  CHECK(d.auditRows() == before);
}

TEST_CASE("roles: office staff do everything but case files and account management") {
  Demo& d = demo();
  const int64_t before = d.auditRows();
  accountsRefused(kOffice);
  caseFilesRefused(kOffice);
  CHECK(d.auditRows() == before);
  CHECK_NOTHROW(services::memberFile(*d.s, kOffice, d.memberB));
  CHECK(services::mayManageBackups(kAdmin));
  CHECK_FALSE(services::mayManageBackups(kOffice));
}

TEST_CASE("audit trail: filters by user, record and day, the administrator reads it") {
  Demo& d = demo();
  auto m = services::memberFile(*d.s, kOffice, d.memberA);
  m.member.residence = "Bản Thử, xã Thử";
  services::updateMember(*d.s, kOffice, m.member, "kiểm tra bộ lọc");
  services::AuditFilter f;
  f.username = "vanphong";
  auto rows = services::auditTrail(*d.s, kAdmin, f);
  REQUIRE(!rows.empty());
  for (const auto& r : rows) CHECK(r.username == "vanphong");
  f.username.clear();
  f.record = d.memberA;
  rows = services::auditTrail(*d.s, kAdmin, f);
  REQUIRE(!rows.empty());
  for (const auto& r : rows) CHECK(r.record.find(d.memberA) != std::string::npos);
  CHECK(rows.front().reason == "kiểm tra bộ lọc");
  f.record.clear();
  f.to = *core::Date::make(2000, 1, 1);
  CHECK(services::auditTrail(*d.s, kAdmin, f).empty());
  f.from = *core::Date::make(2000, 1, 2);
  CHECK_THROWS_AS(services::auditTrail(*d.s, kAdmin, f), core::DataError);
}

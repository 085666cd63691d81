#include <doctest/doctest.h>

#include <sstream>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "reports/RatingsReport.h"
#include "services/Ratings.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/RecordsRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::RatingInput;
using services::RatingStage;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

const services::Actor kOffice = services::Actor::localOffice();
const services::Actor kSecretary1{"bt01", "secretary", core::Id(1)};
const services::Actor kLeadership{"ld", "leadership", std::nullopt};

// A register with two village cells (ids 1 and 2) and members DV1..DV6 in CB01 and DV7 in CB02,
// all admitted in 2015.
struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  Fixture() {
    s = services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
    exec(
        "INSERT INTO organizations (id, code, name, kind, category) VALUES (1, 'CB01', 'Chi bộ bản A', "
        "'truc_thuoc', 'ban'), (2, 'CB02', 'Chi bộ bản B', 'truc_thuoc', 'ban')");
    for (int i = 1; i <= 7; ++i) addMember(i, i == 7 ? 2 : 1, "2015-03-01");
  }
  void exec(const std::string& sql) { services::storeOf(*s).db().exec(sql); }
  void addMember(int id, int cell, const std::string& admitted, const std::string& status = "active",
                 const std::string& since = "") {
    exec(
        "INSERT INTO members (id, code, full_name, gender, birth_date, ethnicity, cell_id, admitted_on, "
        "status, "
        "status_since) VALUES (" +
        std::to_string(id) + ", 'DV" + std::to_string(id) + "', 'Lò Văn " + std::to_string(id) +
        "', 'nam', '1980', '03', " + std::to_string(cell) + ", '" + admitted + "', '" + status + "', " +
        (since.empty() ? std::string("NULL") : "'" + since + "'") + ")");
  }
  std::vector<services::CheckFinding> decide(const std::string& code, const std::string& level,
                                             std::optional<std::string> exception = std::nullopt) {
    RatingInput in{code, RatingStage::Decision, level, std::nullopt, exception};
    return services::enterMemberRatings(*s, kOffice, 2025, {in});
  }
  services::RatingSheetRow row(const std::string& cell, const std::string& code) {
    for (auto& r : services::ratingSheet(*s, kOffice, 2025, cell))
      if (r.code == code) return r;
    FAIL("no row " << code);
    return {};
  }
};

bool hasRule(const std::vector<services::CheckFinding>& f, const std::string& rule,
             const std::string& subject) {
  for (const auto& x : f)
    if (x.rule == rule && x.subject == subject) return true;
  return false;
}

}  // namespace

TEST_CASE(
    "rating: round lifecycle: open, enter, lock, refuse while locked, reopen with a reason, change again") {
  Fixture f;
  CHECK_THROWS_AS(f.decide("DV1", "HTTNV"), core::DataError);  // no round yet
  services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 10));
  CHECK_THROWS_AS(services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 11)), core::DataError);
  CHECK_THROWS_AS(services::openRatingRound(*f.s, kOffice, 2027, d(2026, 12, 11)), core::DataError);
  CHECK(f.decide("DV1", "HTTNV").empty());
  CHECK(f.row("CB01", "DV1").level == "HTTNV");

  auto lock = services::lockRatingRound(*f.s, kOffice, 2025);
  CHECK(lock.locked);
  CHECK(lock.violations.empty());
  auto rounds = services::ratingRounds(*f.s, kOffice);
  REQUIRE(rounds.size() == 1);
  CHECK(rounds[0].status == "locked");
  CHECK(rounds[0].lockedBy == "office");
  CHECK_THROWS_AS(f.decide("DV1", "HTNV"), core::DataError);
  CHECK_THROWS_AS(
      services::rateOrganizations(*f.s, kOffice, 2025, {{"CB01", RatingStage::Decision, "HTTNV", {}, {}}}),
      core::DataError);
  CHECK(f.row("CB01", "DV1").level == "HTTNV");

  CHECK_THROWS_AS(services::reopenRatingRound(*f.s, kOffice, 2025, "  "), core::DataError);
  services::reopenRatingRound(*f.s, kOffice, 2025, "Sửa xếp loại theo kết luận kiểm tra");
  auto audit = store::AuditRepository(services::storeOf(*f.s)).latest(1);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].action == "rating.reopen");
  CHECK(audit[0].record == "rating_round:2025");
  CHECK(audit[0].reason == "Sửa xếp loại theo kết luận kiểm tra");
  CHECK(services::ratingRounds(*f.s, kOffice)[0].status == "open");
  CHECK_THROWS_AS(services::reopenRatingRound(*f.s, kOffice, 2025, "lại"), core::DataError);  // not locked

  f.decide("DV1", "HTNV");
  CHECK(f.row("CB01", "DV1").level == "HTNV");
  CHECK(store::AuditRepository(services::storeOf(*f.s)).latest(1)[0].action == "rating.decide");
}

TEST_CASE(
    "rating: permissions: a secretary proposes for their own cell only and cannot lock, leadership cannot "
    "write") {
  Fixture f;
  services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 10));
  CHECK_THROWS_AS(services::openRatingRound(*f.s, kSecretary1, 2024, d(2025, 12, 10)), core::PermissionError);

  services::enterMemberRatings(*f.s, kSecretary1, 2025,
                               {{"DV1", RatingStage::SelfAssessment, "HTXSNV", std::nullopt, std::nullopt},
                                {"DV1", RatingStage::Proposal, "HTTNV", std::nullopt, std::nullopt}});
  auto r = f.row("CB01", "DV1");
  CHECK(r.selfLevel == "HTXSNV");
  CHECK(r.proposedLevel == "HTTNV");
  CHECK(r.level == "HTTNV");  // follows the proposal until the committee decides

  CHECK_THROWS_AS(
      services::enterMemberRatings(*f.s, kSecretary1, 2025,
                                   {{"DV7", RatingStage::Proposal, "HTTNV", std::nullopt, std::nullopt}}),
      core::PermissionError);
  CHECK_THROWS_AS(
      services::enterMemberRatings(*f.s, kSecretary1, 2025,
                                   {{"DV1", RatingStage::Decision, "HTTNV", std::nullopt, std::nullopt}}),
      core::PermissionError);
  CHECK_THROWS_AS(services::lockRatingRound(*f.s, kSecretary1, 2025), core::PermissionError);
  CHECK_THROWS_AS(services::rateOrganizations(*f.s, kSecretary1, 2025,
                                              {{"CB01", RatingStage::Decision, "HTTNV", {}, {}}}),
                  core::PermissionError);
  CHECK_THROWS_AS(services::ratingSheet(*f.s, kSecretary1, 2025, "CB02"), core::PermissionError);
  CHECK(services::ratingSheet(*f.s, kSecretary1, 2025, "CB01").size() == 6);

  CHECK_THROWS_AS(
      services::enterMemberRatings(*f.s, kLeadership, 2025,
                                   {{"DV1", RatingStage::Proposal, "HTTNV", std::nullopt, std::nullopt}}),
      core::PermissionError);
  CHECK_THROWS_AS(services::lockRatingRound(*f.s, kLeadership, 2025), core::PermissionError);
  CHECK_THROWS_AS(services::reopenRatingRound(*f.s, kLeadership, 2025, "x"), core::PermissionError);
  CHECK(services::ratingSheet(*f.s, kLeadership, 2025, "CB02").size() == 1);  // leadership reads

  // The committee's different decision stands when the cell later changes its proposal.
  f.decide("DV1", "HTNV");
  services::enterMemberRatings(*f.s, kSecretary1, 2025,
                               {{"DV1", RatingStage::Proposal, "HTXSNV", std::nullopt, std::nullopt}});
  CHECK(f.row("CB01", "DV1").level == "HTNV");
}

TEST_CASE(
    "rating: eligibility with reasons: exempt, admitted 1 July vs 30 June, suspended, moved during the "
    "year") {
  Fixture f;
  f.addMember(10, 1, "2010-01-01", "exempt", "2024-03-01");
  f.addMember(11, 1, "2025-07-01");
  f.addMember(12, 1, "2025-06-30");
  f.addMember(13, 1, "2010-01-01");
  f.addMember(14, 1, "2010-01-01");
  f.addMember(15, 1, "2010-01-01");                          // moved from CB02 to CB01 on 1/11/2025
  f.addMember(16, 1, "2010-01-01", "exempt", "2026-02-01");  // exempt only after the year
  f.exec(
      "INSERT INTO member_events (member_id, date, kind) VALUES (13, '2025-05-01', 'suspended'), "
      "(14, '2025-03-01', 'suspended'), (14, '2025-09-01', 'suspension_ended')");
  f.exec(
      "INSERT INTO member_events (member_id, date, kind, from_cell, to_cell) VALUES "
      "(15, '2025-11-01', 'moved', 2, 1)");
  services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 10));

  CHECK(f.row("CB01", "DV10").eligibility == "exempt");
  CHECK(f.row("CB01", "DV10").reason.find("31/12/2025") != std::string::npos);
  CHECK(f.row("CB01", "DV11").eligibility == "too_recent");
  CHECK(f.row("CB01", "DV11").reason.find("01/07/2025") != std::string::npos);
  CHECK(f.row("CB01", "DV12").eligibility.empty());
  CHECK(f.row("CB01", "DV13").eligibility == "suspended");
  CHECK(f.row("CB01", "DV14").eligibility.empty());
  CHECK(f.row("CB01", "DV15").eligibility.empty());
  CHECK(f.row("CB01", "DV16").eligibility.empty());
  for (const auto& r : services::ratingSheet(*f.s, kOffice, 2025, "CB02")) CHECK(r.code != "DV15");
  // In 2024 DV15 was still in CB02, DV10 already exempt, DV11 not yet a member.
  bool in2024 = false;
  for (const auto& r : services::ratingSheet(*f.s, kOffice, 2024, "CB02")) in2024 |= r.code == "DV15";
  CHECK(in2024);

  CHECK_THROWS_AS(f.decide("DV10", "HTTNV"), core::DataError);
  CHECK_THROWS_AS(f.decide("DV11", "HTTNV"), core::DataError);
  CHECK_THROWS_AS(f.decide("DV13", "HTTNV"), core::DataError);
  CHECK(f.decide("DV12", "HTTNV").empty());
  CHECK(f.decide("DV15", "HTTNV").empty());
  CHECK(f.row("CB01", "DV15").level == "HTTNV");

  // An imported rating of an exempt member is found by the check rule.
  store::RecordsRepository(services::storeOf(*f.s))
      .insertRating({0, 2025, "dang_vien", 10, 1, "", "", "HTTNV", std::nullopt, ""});
  auto found = services::ratingFindings(*f.s, kOffice, 2025);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "rating_not_eligible");
  CHECK(found[0].subject == "DV10");
  CHECK(found[0].year == 2025);
}

TEST_CASE("rating: the quota blocks locking until resolved or overridden with a reason") {
  Fixture f;
  services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 10));
  for (const char* c : {"DV2", "DV3", "DV4", "DV5", "DV6"}) f.decide(c, "HTTNV");
  CHECK(f.decide("DV1", "HTXSNV").empty());  // 1 excellent against 5 good: exactly 20%
  auto warn = f.decide("DV2", "HTXSNV");     // 2 against 4: 50%
  CHECK(hasRule(warn, "rating_quota", "CB01"));
  auto lock = services::lockRatingRound(*f.s, kOffice, 2025);
  CHECK_FALSE(lock.locked);
  REQUIRE(lock.violations.size() == 1);
  CHECK(lock.violations[0].rule == "rating_quota");
  CHECK(lock.violations[0].subject == "CB01");
  CHECK(lock.violations[0].year == 2025);
  CHECK(services::ratingRounds(*f.s, kOffice)[0].status == "open");

  // Resolved: 1 excellent against 5 good is exactly 20%.
  CHECK(f.decide("DV2", "HTTNV").empty());
  CHECK(services::lockRatingRound(*f.s, kOffice, 2025).locked);

  // Overridden with a reason after a reopen.
  services::reopenRatingRound(*f.s, kOffice, 2025, "Bổ sung");
  f.decide("DV2", "HTXSNV");
  CHECK_FALSE(services::lockRatingRound(*f.s, kOffice, 2025).locked);
  auto forced = services::lockRatingRound(*f.s, kOffice, 2025, "Đảng ủy đồng ý theo Nghị quyết số 12");
  CHECK(forced.locked);
  CHECK(forced.violations.size() == 1);
  auto audit = store::AuditRepository(services::storeOf(*f.s)).latest(1);
  CHECK(audit[0].action == "rating.lock");
  CHECK(audit[0].reason == "Đảng ủy đồng ý theo Nghị quyết số 12");
  CHECK(audit[0].newValue.find("rating_quota CB01") != std::string::npos);
}

TEST_CASE("rating: a disciplined member rated HTTNV blocks the lock unless the office records an exception") {
  Fixture f;
  f.exec(
      "INSERT INTO disciplines (number, date, subject_type, subject_id, form) VALUES "
      "('5-QĐ/UBKT', '2025-05-10', 'dang_vien', 1, 'khien_trach')");
  services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 10));
  CHECK(f.row("CB01", "DV1").disciplined);
  auto warn = f.decide("DV1", "HTTNV");
  REQUIRE(warn.size() == 1);
  CHECK(warn[0].rule == "rating_disciplined");
  CHECK(warn[0].subject == "DV1");
  auto lock = services::lockRatingRound(*f.s, kOffice, 2025);
  CHECK_FALSE(lock.locked);
  REQUIRE(lock.violations.size() == 1);
  CHECK(lock.violations[0].rule == "rating_disciplined");
  // A secretary cannot record the exception.
  CHECK_THROWS_AS(
      services::enterMemberRatings(*f.s, kSecretary1, 2025,
                                   {{"DV1", RatingStage::Proposal, "HTTNV", std::nullopt, "lý do"}}),
      core::PermissionError);
  CHECK(f.decide("DV1", "HTTNV", "Kỷ luật do vi phạm từ năm trước, đã khắc phục").empty());
  CHECK(f.row("CB01", "DV1").exceptionReason == "Kỷ luật do vi phạm từ năm trước, đã khắc phục");
  CHECK(services::lockRatingRound(*f.s, kOffice, 2025).locked);
}

TEST_CASE("rating: a cell whose secretary was disciplined in the year must be KHTNV") {
  Fixture f;
  f.exec(
      "INSERT INTO disciplines (number, date, subject_type, subject_id, form) VALUES "
      "('7-QĐ/UBKT', '2025-08-10', 'dang_vien', 2, 'canh_cao')");
  f.exec(
      "INSERT INTO cell_leaders (org_id, member_id, role, from_date, to_date) VALUES (1, 2, 'bi_thu', "
      "'2020-09-01', NULL), (2, 7, 'bi_thu', '2020-09-01', '2024-12-31')");
  services::openRatingRound(*f.s, kOffice, 2025, d(2025, 12, 10));
  auto sheet = services::organizationSheet(*f.s, kOffice, 2025);
  REQUIRE(sheet.size() == 2);
  CHECK(sheet[0].mustBeNotComplete.size() == 1);
  CHECK(sheet[1].mustBeNotComplete.empty());
  auto warn =
      services::rateOrganizations(*f.s, kOffice, 2025,
                                  {{"CB01", RatingStage::Decision, "HTTNV", std::nullopt, std::nullopt},
                                   {"CB02", RatingStage::Decision, "HTTNV", std::nullopt, std::nullopt}});
  REQUIRE(warn.size() == 1);
  CHECK(warn[0].rule == "rating_disciplined");
  CHECK(warn[0].subject == "CB01");
  CHECK(services::rateOrganizations(*f.s, kOffice, 2025, {{"CB01", RatingStage::Decision, "KHTNV", {}, {}}})
            .empty());
  CHECK(services::organizationSheet(*f.s, kOffice, 2025)[0].level == "KHTNV");
  // Sub-units: only a committee that has them is judged by their share.
  services::OrgDisciplineFacts facts;
  CHECK(services::orgNotCompleteReasons(facts, 20).empty());
  facts.subUnits = 10;
  facts.disciplinedSubUnits = 2;
  CHECK(services::orgNotCompleteReasons(facts, 20).empty());
  facts.disciplinedSubUnits = 3;
  CHECK(services::orgNotCompleteReasons(facts, 20).size() == 1);
}

TEST_CASE("rating: score bands map to levels, following a dated change of the bands") {
  Fixture f;
  const auto rules = f.s->ruleBook();
  const core::Date y25 = services::ratingDay(2025);
  CHECK(services::levelForScore(100, rules, y25) == "HTXSNV");
  CHECK(services::levelForScore(90, rules, y25) == "HTXSNV");
  CHECK(services::levelForScore(89, rules, y25) == "HTTNV");
  CHECK(services::levelForScore(70, rules, y25) == "HTTNV");
  CHECK(services::levelForScore(69, rules, y25) == "HTNV");
  CHECK(services::levelForScore(50, rules, y25) == "HTNV");
  CHECK(services::levelForScore(49, rules, y25) == "KHTNV");
  CHECK_THROWS_AS(services::levelForScore(101, rules, y25), core::DataError);
  f.s->addRuleValue(kOffice, {"rating.score_bands", d(2026, 1, 1), "95/80/60", "Hướng dẫn thử", ""});
  const auto changed = f.s->ruleBook();
  CHECK(services::levelForScore(92, changed, y25) == "HTXSNV");
  CHECK(services::levelForScore(92, changed, services::ratingDay(2026)) == "HTTNV");
  CHECK(services::levelForScore(79, changed, services::ratingDay(2026)) == "HTNV");

  services::openRatingRound(*f.s, kOffice, 2026, d(2026, 12, 10));
  auto none = services::enterMemberRatings(*f.s, kOffice, 2026,
                                           {{"DV1", RatingStage::Decision, "", 92, std::nullopt}});
  CHECK(none.empty());
  auto sheet = services::ratingSheet(*f.s, kOffice, 2026, "CB01");
  CHECK(sheet[0].code == "DV1");
  CHECK(sheet[0].level == "HTTNV");
  CHECK(sheet[0].score == 92);
  auto warn = services::enterMemberRatings(*f.s, kOffice, 2026,
                                           {{"DV2", RatingStage::Decision, "HTXSNV", 92, std::nullopt}});
  CHECK(hasRule(warn, "rating_score", "DV2"));
}

TEST_CASE("rating: imported ratings give the counts and percentages per year, against the targets") {
  Fixture f;
  store::RecordsRepository rec(services::storeOf(*f.s));
  // 2024: 960 members rated, 924 good or better (96,25% -> 96.3); cells 1 good, 1 complete.
  const std::pair<const char*, int> members2024[] = {
      {"HTXSNV", 150}, {"HTTNV", 774}, {"HTNV", 30}, {"KHTNV", 6}};
  core::Id subject = 1000;
  services::storeOf(*f.s).transaction([&] {
    for (const auto& [level, n] : members2024)
      for (int k = 0; k < n; ++k)
        rec.insertRating({0, 2024, "dang_vien", subject++, core::Id(subject % 2 ? 1 : 2), "", "", level,
                          std::nullopt, ""});
    rec.insertRating({0, 2024, "to_chuc", 1, std::nullopt, "", "", "HTTNV", std::nullopt, ""});
    rec.insertRating({0, 2024, "to_chuc", 2, std::nullopt, "", "", "HTNV", std::nullopt, ""});
    // 2023: 3 members of CB01, 2 good or better (66.7); CB01 excellent.
    rec.insertRating({0, 2023, "dang_vien", 1, core::Id(1), "", "", "HTXSNV", std::nullopt, ""});
    rec.insertRating({0, 2023, "dang_vien", 2, core::Id(1), "", "", "HTTNV", std::nullopt, ""});
    rec.insertRating(
        {0, 2023, "dang_vien", 3, std::nullopt, "", "", "HTNV", std::nullopt, ""});  // cell from the register
    rec.insertRating({0, 2023, "to_chuc", 1, std::nullopt, "", "", "HTXSNV", std::nullopt, ""});
  });
  f.s->saveTarget(kOffice, {"to_chuc_tot", 2020, 2025, 90});
  f.s->saveTarget(kOffice, {"dang_vien_tot", 2020, 2025, 90});

  auto sum = services::ratingSummary(*f.s, kLeadership, 2020, 2025);
  REQUIRE(sum.years.size() == 2);
  const auto& y23 = sum.years[0];
  const auto& y24 = sum.years[1];
  CHECK(y23.year == 2023);
  CHECK(y23.members.rated == 3);
  CHECK(y23.members.goodOrBetterPercent == 667);
  CHECK(y23.organizations.htxsnv == 1);
  CHECK(y23.organizations.goodOrBetterPercent == 1000);
  CHECK(y23.roundStatus.empty());
  CHECK(y24.members.htxsnv == 150);
  CHECK(y24.members.httnv == 774);
  CHECK(y24.members.rated == 960);
  CHECK(y24.members.goodOrBetterPercent == 963);
  CHECK(y24.organizations.rated == 2);
  CHECK(y24.organizations.goodOrBetterPercent == 500);
  CHECK(y24.memberTarget == 900);
  CHECK(y24.organizationTarget == 900);

  REQUIRE(sum.cells.size() == 2);
  CHECK(sum.cells[0].code == "CB01");
  REQUIRE(sum.cells[0].years.size() == 2);
  CHECK(sum.cells[0].years[0].year == 2023);
  CHECK(sum.cells[0].years[0].level == "HTXSNV");
  CHECK(sum.cells[0].years[0].members.rated == 3);
  CHECK(sum.cells[0].years[1].level == "HTTNV");
  CHECK(sum.cells[0].years[1].members.rated == 480);
  CHECK(sum.cells[1].years.size() == 1);

  std::ostringstream json;
  reports::writeRatingsJson(json, sum);
  const std::string j = json.str();
  CHECK(j.find("\"good_or_better_percent\": 96.3") != std::string::npos);
  CHECK(j.find("\"target\": 90.0") != std::string::npos);
  CHECK(j.find("\"rated\": 960") != std::string::npos);
  CHECK(j.find("\"good_or_better_percent\": 66.7") != std::string::npos);
  std::ostringstream csv;
  reports::writeRatingsCsv(csv, sum);
  CHECK(
      csv.str().rfind(
          "Năm,Đối tượng xếp loại,Mã chi bộ,Chi bộ,Xếp loại chi bộ,HTXSNV,HTTNV,HTNV,KHTNV,Số được xếp loại,"
          "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên (%),Chỉ tiêu (%)\n",
          0) == 0);
  CHECK(csv.str().find("\n2024,Đảng viên,,,,150,774,30,6,960,96.3,90.0\n") != std::string::npos);
  CHECK(csv.str().find("\n2024,Tổ chức đảng,,,,0,1,1,0,2,50.0,90.0\n") != std::string::npos);
  CHECK(csv.str().find("\n2023,Đảng viên của chi bộ,CB01,Chi bộ bản A,HTXSNV,1,1,1,0,3,66.7,\n") !=
        std::string::npos);
}

#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "../TestUtil.h"
#include "DisciplineTestData.h"
#include "core/Errors.h"
#include "services/Discipline.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/RegisterRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

using namespace dangbo::test::discipline;

namespace {
const Actor kOffice = Actor::localOffice();
const Actor kInspection{"kiemtra", "inspection", std::nullopt};

struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  core::Id cb01 = 0, cb02 = 0;
  Fixture() {
    cb01 = services::addOrganization(*s, kOffice, villageCell("CB01", "Chi bộ bản Nà Ớt"));
    cb02 = services::addOrganization(*s, kOffice, villageCell("CB02", "Chi bộ bản Co Kè"));
    services::addMember(*s, kOffice, member("M01", "Lò Văn Một", true), "CB01", "QĐ-1");
    services::addMember(*s, kOffice, member("M02", "Cà Thị Hai", true), "CB01", "QĐ-2");
    services::addMember(*s, kOffice, member("P01", "Quàng Văn Ba", false), "CB01", "QĐ-3");
    services::addMember(*s, kOffice, member("L01", "Lường Văn Bốn", true), "CB02", "QĐ-4");
    services::setCellLeader(*s, kOffice, "CB02", "L01", "bi_thu", d(2015, 1, 1), "QĐ-5");
  }
  services::DecisionInput decision(const std::string& type, const std::string& code, const std::string& form,
                                   const core::Date& on, const std::string& number) {
    services::DecisionInput in;
    in.subjectType = type;
    in.subjectCode = code;
    in.form = form;
    in.date = on;
    in.number = number;
    in.body = "Ban Thường vụ Đảng ủy";
    in.violation = "Vi phạm quy định";
    in.violationOn = on.addMonths(-6);
    in.announcedOn = on.addDays(5);
    return in;
  }
  services::InspectionInput inspection(const std::string& type, const std::string& code,
                                       const std::string& kind, const core::Date& on,
                                       const std::string& number) {
    services::InspectionInput in;
    in.kind = kind;
    in.subjectType = type;
    in.subjectCode = code;
    in.number = number;
    in.date = on;
    in.team = "Tổ 1";
    in.findings = "Phát hiện";
    in.conclusion = "Kết luận";
    in.followUp = "Theo dõi";
    return in;
  }
  std::string status(const std::string& code) { return memberStatus(*s, code); }
};
}  // namespace

TEST_CASE("discipline: every role but inspection is refused reading or writing case files") {
  Fixture f;
  core::Id insp = services::recordInspection(
      *f.s, kInspection, f.inspection("dang_vien", "M01", "to_cao", d(2024, 2, 1), "KT-1"));
  core::Id dec = services::recordDecision(
      *f.s, kInspection, f.decision("dang_vien", "M01", "khien_trach", d(2024, 3, 1), "QĐ-10"));
  for (const Actor& a : {Actor{"vp", "office", std::nullopt}, Actor{"ld", "leadership", std::nullopt},
                         Actor{"bt", "secretary", f.cb01}, Actor{"qt", "admin", std::nullopt}}) {
    CAPTURE(a.role);
    CHECK_THROWS_AS(services::openInspection(*f.s, a, insp), core::PermissionError);
    CHECK_THROWS_AS(services::openDecision(*f.s, a, dec), core::PermissionError);
    CHECK_THROWS_AS(services::inspections(*f.s, a), core::PermissionError);
    CHECK_THROWS_AS(services::decisions(*f.s, a), core::PermissionError);
    CHECK_THROWS_AS(services::lapses(*f.s, a, d(2024, 6, 1)), core::PermissionError);
    CHECK_THROWS_AS(services::recordInspection(
                        *f.s, a, f.inspection("dang_vien", "M02", "to_cao", d(2024, 2, 1), "KT-2")),
                    core::PermissionError);
    CHECK_THROWS_AS(services::recordDecision(
                        *f.s, a, f.decision("dang_vien", "M02", "khien_trach", d(2024, 3, 1), "QĐ-11")),
                    core::PermissionError);
    CHECK_THROWS_AS(services::fileComplaint(*f.s, a, {dec, d(2024, 3, 6), d(2024, 3, 10), "x"}),
                    core::PermissionError);
    CHECK_THROWS_AS(services::settleComplaint(*f.s, a, 1, "upheld", d(2024, 4, 1)), core::PermissionError);
    // Counts and summaries stay open to every reading role.
    CHECK(services::disciplineFigures(*f.s, a, d(2024, 1, 1), d(2024, 12, 31)).memberForms["khien_trach"] ==
          1);
  }
  // Other roles see the form and date of a member's decision, not the violation.
  auto sum = services::decisionSummaries(*f.s, kOffice, "M01");
  REQUIRE(sum.size() == 1);
  CHECK(sum[0].number == "QĐ-10");
  CHECK(sum[0].form == "khien_trach");
  CHECK(sum[0].date == d(2024, 3, 1));
  CHECK_THROWS_AS(services::decisionSummaries(*f.s, Actor{"bt", "secretary", f.cb02}, "M01"),
                  core::PermissionError);
  CHECK(services::decisionSummaries(*f.s, Actor{"bt", "secretary", f.cb01}, "M01").size() == 1);

  // The inspection committee opens both; each opening is audited.
  CHECK(services::openInspection(*f.s, kInspection, insp).inspection.findings == "Phát hiện");
  CHECK(services::openDecision(*f.s, kInspection, dec).decision.violation == "Vi phạm quy định");
  auto rows = store::AuditRepository(services::storeOf(*f.s)).latest(2);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].action == "case.open");
  CHECK(rows[0].record == "discipline:" + std::to_string(dec));
  CHECK(rows[0].username == "kiemtra");
  CHECK(rows[1].action == "case.open");
  CHECK(rows[1].record == "inspection:" + std::to_string(insp));
  CHECK_FALSE(store::AuditRepository(services::storeOf(*f.s)).firstBrokenRow());
}

TEST_CASE("discipline: inspection cases are recorded and listed with filters") {
  Fixture f;
  services::recordInspection(*f.s, kInspection,
                             f.inspection("to_chuc", "CB01", "thuong_xuyen", d(2023, 5, 1), "KH-1"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("dang_vien", "M01", "dau_hieu_vi_pham", d(2024, 5, 1), "KT-2"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("to_chuc", "CB02", "tai_chinh", d(2024, 6, 1), "KT-3"));
  CHECK(services::inspections(*f.s, kInspection).size() == 3);
  auto y2024 = services::inspections(*f.s, kInspection, {2024, "", ""});
  REQUIRE(y2024.size() == 2);
  CHECK(y2024[0].subjectCode == "M01");
  CHECK(y2024[0].subjectName == "Lò Văn Một");
  CHECK(services::inspections(*f.s, kInspection, {std::nullopt, "tai_chinh", ""}).size() == 1);
  auto orgs = services::inspections(*f.s, kInspection, {std::nullopt, "", "to_chuc"});
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0].subjectCode == "CB01");
  CHECK(orgs[0].inspection.conclusion == "Kết luận");
  CHECK(orgs[0].inspection.followUp == "Theo dõi");
  // Refusals: unknown kind, unknown subject, missing number, the same number twice.
  CHECK_THROWS_AS(services::recordInspection(*f.s, kInspection,
                                             f.inspection("to_chuc", "CB01", "xyz", d(2024, 1, 1), "K")),
                  core::DataError);
  CHECK_THROWS_AS(services::recordInspection(*f.s, kInspection,
                                             f.inspection("to_chuc", "CB99", "to_cao", d(2024, 1, 1), "K")),
                  core::DataError);
  CHECK_THROWS_AS(services::recordInspection(*f.s, kInspection,
                                             f.inspection("to_chuc", "CB01", "to_cao", d(2024, 1, 1), " ")),
                  core::DataError);
  CHECK_THROWS_AS(services::recordInspection(
                      *f.s, kInspection, f.inspection("to_chuc", "CB01", "to_cao", d(2024, 1, 1), "KH-1")),
                  core::DataError);
}

TEST_CASE("discipline: the form is limited by the subject") {
  Fixture f;
  // Probationary member: reprimand or warning only.
  std::string why = refusal([&] {
    services::recordDecision(*f.s, kInspection,
                             f.decision("dang_vien", "P01", "khai_tru", d(2024, 9, 1), "Q1"));
  });
  CHECK(why.find("P01") != std::string::npos);
  CHECK(f.status("P01") == "active");
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection,
                                           f.decision("dang_vien", "P01", "cach_chuc", d(2024, 9, 1), "Q2")),
                  core::DataError);
  CHECK(services::recordDecision(*f.s, kInspection,
                                 f.decision("dang_vien", "P01", "canh_cao", d(2024, 9, 1), "Q3")) > 0);
  // Dismissal: only a post holder (the register's cell leaders, or a post entered).
  auto noPost = f.decision("dang_vien", "M01", "cach_chuc", d(2024, 9, 1), "Q4");
  CHECK(refusal([&] { services::recordDecision(*f.s, kInspection, noPost); }).find("M01") !=
        std::string::npos);
  CHECK(services::recordDecision(*f.s, kInspection,
                                 f.decision("dang_vien", "L01", "cach_chuc", d(2024, 9, 1), "Q5")) > 0);
  noPost.post = "Trưởng ban công tác Mặt trận";
  CHECK(services::recordDecision(*f.s, kInspection, noPost) > 0);
  // Members are never dissolved; organizations are never dismissed or expelled.
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection,
                                           f.decision("dang_vien", "M02", "giai_tan", d(2024, 9, 1), "Q6")),
                  core::DataError);
  why = refusal([&] {
    services::recordDecision(*f.s, kInspection,
                             f.decision("to_chuc", "CB01", "khai_tru", d(2024, 9, 1), "Q7"));
  });
  CHECK(why.find("Chi bộ bản Nà Ớt") != std::string::npos);
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection,
                                           f.decision("to_chuc", "CB01", "cach_chuc", d(2024, 9, 1), "Q8")),
                  core::DataError);
  CHECK(services::recordDecision(*f.s, kInspection,
                                 f.decision("to_chuc", "CB01", "canh_cao", d(2024, 9, 1), "Q9")) > 0);
  CHECK_THROWS_AS(
      services::recordDecision(*f.s, kInspection, f.decision("to_chuc", "CB01", "xyz", d(2024, 9, 1), "Q10")),
      core::DataError);
  // The same number for the same subject twice.
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection,
                                           f.decision("to_chuc", "CB01", "canh_cao", d(2024, 9, 2), "Q9")),
                  core::DataError);
  CHECK(services::decisions(*f.s, kInspection).size() == 4);
}

TEST_CASE("discipline: a decision past its statute of limitations is refused unless a reason is given") {
  Fixture f;
  auto in = f.decision("dang_vien", "M01", "khien_trach", d(2024, 9, 1), "Q1");
  in.violationOn = d(2019, 8, 31);  // 5 years ended on 31/08/2024
  std::string why = refusal([&] { services::recordDecision(*f.s, kInspection, in); });
  CHECK(why.find("31/08/2024") != std::string::npos);
  auto st = services::statuteOf(*f.s, "khien_trach", *in.violationOn, in.date);
  CHECK(st.applies);
  CHECK(st.years == 5);
  CHECK(st.expired);
  in.violationOn = d(2019, 9, 1);  // the last day: still in time
  CHECK_FALSE(services::statuteOf(*f.s, "khien_trach", *in.violationOn, in.date).expired);
  // Warning level: 10 years.
  CHECK_FALSE(services::statuteOf(*f.s, "canh_cao", d(2015, 1, 1), in.date).expired);
  CHECK_FALSE(services::statuteOf(*f.s, "khai_tru", d(1990, 1, 1), in.date).applies);
  // A dated rule change applies from its date.
  f.s->addRuleValue(kOffice, {"discipline.limitation_years_reprimand", d(2024, 1, 1), "6", "Thử", ""});
  CHECK_FALSE(services::statuteOf(*f.s, "khien_trach", d(2019, 8, 31), in.date).expired);
  CHECK(services::statuteOf(*f.s, "khien_trach", d(2017, 8, 31), d(2023, 9, 1)).expired);
  // Override: recorded and audited.
  in.violationOn = d(2010, 1, 1);
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection, in), core::DataError);
  in.overrideReason = "Vi phạm kéo dài, phát hiện muộn";
  core::Id id = services::recordDecision(*f.s, kInspection, in);
  auto rows = store::AuditRepository(services::storeOf(*f.s)).latest(3);
  bool audited = false;
  for (const auto& r : rows)
    if (r.action == "discipline.statute_override" && r.record == "discipline:" + std::to_string(id) &&
        r.reason == in.overrideReason)
      audited = true;
  CHECK(audited);
  // No violation date for a form with a statute: refused.
  auto none = f.decision("dang_vien", "M02", "canh_cao", d(2024, 9, 1), "Q2");
  none.violationOn.reset();
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection, none), core::DataError);
}

TEST_CASE("discipline: expulsion ends the membership and dissolution ends the cell, in one transaction") {
  Fixture f;
  auto ex = f.decision("dang_vien", "M01", "khai_tru", d(2024, 9, 1), "Q-KT");
  ex.violationOn = d(1995, 1, 1);  // no statute for expulsion
  services::recordDecision(*f.s, kInspection, ex);
  CHECK(f.status("M01") == "expelled");
  // Expelling again: the register refuses, and no decision is left behind.
  auto again = ex;
  again.number = "Q-KT2";
  again.date = d(2024, 10, 1);
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection, again), core::DataError);
  CHECK(services::decisions(*f.s, kInspection).size() == 1);

  // Dissolution: a cell with members needs the cell they move to.
  auto gt = f.decision("to_chuc", "CB01", "giai_tan", d(2024, 11, 1), "Q-GT");
  CHECK_THROWS_AS(services::recordDecision(*f.s, kInspection, gt), core::DataError);
  CHECK(services::decisions(*f.s, kInspection).size() == 1);
  gt.moveToCellCode = "CB02";
  services::recordDecision(*f.s, kInspection, gt);
  store::RegisterRepository repo(services::storeOf(*f.s));
  CHECK(repo.organizationByCode("CB01")->ceased == d(2024, 11, 1));
  CHECK(repo.memberByCode("M02")->cellId == f.cb02);
}

TEST_CASE("discipline: complaints within the deadline, with their outcome") {
  Fixture f;
  core::Id dec = services::recordDecision(*f.s, kInspection,
                                          f.decision("dang_vien", "M01", "canh_cao", d(2024, 3, 1), "Q1"));
  // 30 days from receipt: received 05/03, the last day is 04/04.
  std::string why = refusal([&] {
    services::fileComplaint(*f.s, kInspection, {dec, d(2024, 3, 5), d(2024, 4, 5), "x"});
  });
  CHECK(why.find("04/04/2024") != std::string::npos);
  CHECK_THROWS_AS(services::fileComplaint(*f.s, kInspection, {dec, d(2024, 2, 1), d(2024, 2, 5), "x"}),
                  core::DataError);
  CHECK_THROWS_AS(services::fileComplaint(*f.s, kInspection, {dec, d(2024, 3, 5), d(2024, 3, 4), "x"}),
                  core::DataError);
  core::Id c =
      services::fileComplaint(*f.s, kInspection, {dec, d(2024, 3, 5), d(2024, 4, 4), "Xin xem xét lại"});
  CHECK_THROWS_AS(services::fileComplaint(*f.s, kInspection, {dec, d(2024, 3, 5), d(2024, 4, 4), "again"}),
                  core::DataError);
  CHECK_THROWS_AS(services::settleComplaint(*f.s, kInspection, c, "pending", d(2024, 5, 1)), core::DataError);
  CHECK_THROWS_AS(services::settleComplaint(*f.s, kInspection, c, "upheld", d(2024, 4, 1)), core::DataError);
  services::settleComplaint(*f.s, kInspection, c, "upheld", d(2024, 5, 1));
  CHECK_THROWS_AS(services::settleComplaint(*f.s, kInspection, c, "rejected", d(2024, 5, 2)),
                  core::DataError);
  auto file = services::openDecision(*f.s, kInspection, dec);
  REQUIRE(file.complaints.size() == 1);
  CHECK(file.complaints[0].outcome == "upheld");
  CHECK(file.complaints[0].outcomeOn == d(2024, 5, 1));
  CHECK(file.complaints[0].content == "Xin xem xét lại");
}

TEST_CASE("discipline: lapses and deadlines") {
  Fixture f;
  // M01: reprimand announced 10/01/2023 -> lapses 10/01/2024.
  auto a = f.decision("dang_vien", "M01", "khien_trach", d(2023, 1, 5), "Q1");
  a.announcedOn = d(2023, 1, 10);
  core::Id q1 = services::recordDecision(*f.s, kInspection, a);
  // M02: a warning, then a newer decision before the lapse: the first does not lapse.
  auto b = f.decision("dang_vien", "M02", "canh_cao", d(2023, 2, 1), "Q2");
  b.announcedOn = d(2023, 2, 1);
  services::recordDecision(*f.s, kInspection, b);
  auto b2 = f.decision("dang_vien", "M02", "khien_trach", d(2023, 6, 1), "Q3");
  b2.announcedOn = d(2023, 6, 2);
  core::Id q3 = services::recordDecision(*f.s, kInspection, b2);
  // L01: a pending complaint blocks the lapse.
  auto c = f.decision("dang_vien", "L01", "khien_trach", d(2023, 3, 1), "Q4");
  c.announcedOn = d(2023, 3, 1);
  core::Id q4 = services::recordDecision(*f.s, kInspection, c);
  services::fileComplaint(*f.s, kInspection, {q4, d(2023, 3, 2), d(2023, 3, 20), "x"});
  // A decision not yet announced has no lapse date.
  auto g = f.decision("to_chuc", "CB02", "khien_trach", d(2023, 4, 1), "Q5");
  g.announcedOn.reset();  // not announced yet: no lapse date
  services::recordDecision(*f.s, kInspection, g);

  auto l = services::lapses(*f.s, kInspection, d(2024, 1, 9));
  REQUIRE(l.size() == 2);
  CHECK(l[0].decisionId == q1);
  CHECK(l[0].lapseOn == d(2024, 1, 10));
  CHECK_FALSE(l[0].lapsed);
  CHECK(l[1].decisionId == q3);
  CHECK(l[1].lapseOn == d(2024, 6, 2));
  CHECK(services::lapses(*f.s, kInspection, d(2024, 1, 10))[0].lapsed);

  auto dl = services::disciplineDeadlines(*f.s, kInspection, d(2023, 6, 20));
  // Complaint windows still open on 20/06/2023: Q3 (announced 02/06 -> 02/07); lapses ahead: Q1, Q3.
  REQUIRE(dl.size() == 3);
  CHECK(dl[0].kind == "complaint_due");
  CHECK(dl[0].subjectCode == "M02");
  CHECK(dl[0].due == d(2023, 7, 2));
  CHECK(dl[1].kind == "lapse_due");
  CHECK(dl[1].subjectCode == "M01");
  CHECK(dl[1].due == d(2024, 1, 10));
  CHECK(dl[2].kind == "lapse_due");
  CHECK(dl[2].subjectName == "Cà Thị Hai");
  // Once the complaint is rejected, L01's decision lapses again.
  auto complaints = services::openDecision(*f.s, kInspection, q4).complaints;
  services::settleComplaint(*f.s, kInspection, complaints.at(0).id, "rejected", d(2023, 4, 1));
  CHECK(services::lapses(*f.s, kInspection, d(2024, 6, 1)).size() == 3);
}

TEST_CASE("discipline: figures count the period only, removals included") {
  Fixture f;
  services::recordDecision(*f.s, kInspection,
                           f.decision("dang_vien", "M01", "khien_trach", d(2023, 12, 31), "Q0"));
  services::recordDecision(*f.s, kInspection,
                           f.decision("dang_vien", "M01", "canh_cao", d(2024, 1, 1), "Q1"));
  auto other = f.decision("dang_vien", "M02", "canh_cao", d(2024, 6, 1), "Q2");
  other.body = "Chi bộ";
  services::recordDecision(*f.s, kInspection, other);
  services::recordDecision(*f.s, kInspection,
                           f.decision("to_chuc", "CB02", "khien_trach", d(2024, 12, 31), "Q3"));
  services::recordDecision(*f.s, kInspection, f.decision("to_chuc", "CB02", "canh_cao", d(2025, 1, 1), "Q4"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("to_chuc", "CB01", "thuong_xuyen", d(2024, 2, 1), "K1"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("to_chuc", "CB01", "thuong_xuyen", d(2024, 3, 1), "K2"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("to_chuc", "CB01", "tai_chinh", d(2024, 3, 1), "K3"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("dang_vien", "M01", "to_cao", d(2024, 3, 1), "K4"));
  services::recordInspection(*f.s, kInspection,
                             f.inspection("dang_vien", "M02", "to_cao", d(2023, 3, 1), "K5"));
  services::recordAction(*f.s, kOffice, "P01",
                         {"removed", d(2024, 7, 1), "", "", "QĐ-XT", "du_bi_khong_dat"});
  services::recordAction(*f.s, kOffice, "L01", {"removed", d(2025, 2, 1), "", "", "QĐ-XT2", "bo_sinh_hoat"});

  for (const Actor& a : {kOffice, Actor{"ld", "leadership", std::nullopt}, kInspection}) {
    auto fig = services::disciplineFigures(*f.s, a, d(2024, 1, 1), d(2024, 12, 31));
    CHECK(fig.memberForms == std::map<std::string, int>{{"canh_cao", 2}});
    CHECK(fig.organizationForms == std::map<std::string, int>{{"khien_trach", 1}});
    CHECK(fig.byBody.size() == 3);
    CHECK(fig.removals == 1);
    CHECK(fig.removalsByGround == std::map<std::string, int>{{"du_bi_khong_dat", 1}});
    CHECK(fig.inspectionsByKind["thuong_xuyen"].organizations == 1);
    CHECK(fig.inspectionsByKind["tai_chinh"].organizations == 1);
    CHECK(fig.inspectionsByKind["to_cao"].members == 1);
    CHECK(fig.inspected.organizations == 1);
    CHECK(fig.inspected.members == 1);
  }
  auto rs = services::removalSummary(*f.s, kOffice, d(2024, 1, 1), d(2025, 12, 31));
  CHECK(rs.total == 2);
  REQUIRE(rs.entries.size() == 2);
  CHECK(rs.entries[0].memberCode == "P01");
  CHECK(rs.entries[0].decisionNo == "QĐ-XT");
  CHECK(rs.byGround["bo_sinh_hoat"] == 1);
}

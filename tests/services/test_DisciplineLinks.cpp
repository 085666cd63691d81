// Issue 7, second part: the deadlines for the overview, the annual plan and its progress, the links of a
// case to what follows from it, its timeline, the post of a dismissal and removals with the cell's proposal.
#include <doctest/doctest.h>

#include <functional>

#include "../TestUtil.h"
#include "DisciplineTestData.h"
#include "core/Errors.h"
#include "services/Discipline.h"
#include "services/Register.h"
#include "services/Services.h"
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
  core::Id cb01 = 0;
  Fixture() {
    cb01 = services::addOrganization(*s, kOffice, villageCell("CB01", "Chi bộ bản Nà Ớt"));
    for (auto [code, name] :
         {std::pair{"M01", "Lò Văn Một"}, {"M02", "Cà Thị Hai"}, {"L01", "Lường Văn Bốn"}})
      services::addMember(*s, kOffice, member(code, name, true), "CB01", std::string("QĐ-") + code);
    services::setCellLeader(*s, kOffice, "CB01", "L01", "bi_thu", d(2015, 1, 1), "QĐ-5");
  }
  services::InspectionInput inspection(const std::string& type, const std::string& code, const core::Date& on,
                                       const std::string& number) {
    services::InspectionInput in;
    in.kind = "dau_hieu_vi_pham";
    in.subjectType = type;
    in.subjectCode = code;
    in.number = number;
    in.date = on;
    in.team = "Tổ 1";
    in.findings = "Sử dụng đất sai mục đích";
    in.conclusion = "Có vi phạm";
    return in;
  }
  services::DecisionInput decision(const std::string& code, const std::string& form, const core::Date& on,
                                   const std::string& number) {
    services::DecisionInput in;
    in.subjectType = "dang_vien";
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
  std::string status(const std::string& code) { return memberStatus(*s, code); }
};
}  // namespace

TEST_CASE("discipline deadlines: kinds, overdue days and who may read them") {
  Fixture f;
  // A case that found a violation on 10/01/2020 and leads to no decision yet.
  auto open = f.inspection("dang_vien", "M01", d(2024, 2, 1), "KT-1");
  open.violationOn = d(2020, 1, 10);
  open.findingsOn = d(2024, 3, 1);
  services::recordInspection(*f.s, kInspection, open);
  // A decision announced on 06/06/2025: complaint window to 06/07/2025, lapse on 06/06/2026.
  services::recordDecision(*f.s, kInspection, f.decision("M02", "khien_trach", d(2025, 6, 1), "QĐ-7"));

  auto dl = services::disciplineDeadlines(*f.s, kOffice, d(2025, 6, 20));
  REQUIRE(dl.size() == 3);
  CHECK(dl[0].kind == "complaint_due");
  CHECK(dl[0].subjectName == "Cà Thị Hai");
  CHECK(dl[0].due == d(2025, 7, 6));
  CHECK(dl[0].overdueDays == -16);
  CHECK(dl[0].note == "QĐ-7");
  CHECK(dl[1].kind == "lapse_due");
  CHECK(dl[1].due == d(2026, 6, 6));
  // The reprimand statute (5 years from 10/01/2020) ran out: the warning and dismissal level is shown.
  CHECK(dl[2].kind == "statute_expiry");
  CHECK(dl[2].subjectCode == "M01");
  CHECK(dl[2].due == d(2030, 1, 10));
  // Once that has run out too, the deadline is overdue.
  auto late = services::disciplineDeadlines(*f.s, kOffice, d(2030, 2, 1));
  REQUIRE(late.size() == 1);
  CHECK(late[0].kind == "statute_expiry");
  CHECK(late[0].overdueDays == 22);

  // Before the reprimand statute ran out, its end is the deadline (negative overdue days: still ahead).
  auto early = services::disciplineDeadlines(*f.s, kInspection, d(2024, 12, 31));
  REQUIRE(early.size() == 1);
  CHECK(early[0].kind == "statute_expiry");
  CHECK(early[0].overdueDays == -10);

  // Office, leadership, inspection and the local administrator read them; a cell's secretary does not.
  for (const Actor& a :
       {Actor{"ld", "leadership", std::nullopt}, kInspection, Actor{"vp", "office", std::nullopt}})
    CHECK(services::disciplineDeadlines(*f.s, a, d(2025, 6, 20)).size() == 3);
  CHECK_THROWS_AS(services::disciplineDeadlines(*f.s, Actor{"bt", "secretary", f.cb01}, d(2025, 6, 20)),
                  core::PermissionError);
}

TEST_CASE("discipline deadlines: the statute deadline goes once the case leads to a decision") {
  Fixture f;
  auto in = f.inspection("dang_vien", "M01", d(2024, 2, 1), "KT-1");
  in.violationOn = d(2023, 12, 1);
  core::Id id = services::recordInspection(*f.s, kInspection, in);
  auto dl = services::disciplineDeadlines(*f.s, kOffice, d(2024, 3, 1));
  REQUIRE(dl.size() == 1);
  CHECK(dl[0].due == d(2028, 12, 1));
  auto dec = f.decision("M01", "khien_trach", d(2024, 4, 1), "QĐ-1");
  dec.inspectionId = id;
  dec.announcedOn.reset();
  services::recordDecision(*f.s, kInspection, dec);
  dl = services::disciplineDeadlines(*f.s, kOffice, d(2024, 4, 2));
  REQUIRE(dl.size() == 1);
  CHECK(dl[0].kind == "complaint_due");  // counted from the decision date when not announced
  CHECK(dl[0].due == d(2024, 5, 1));
}

TEST_CASE("discipline: the annual plan and its progress") {
  Fixture f;
  services::PlanItem item;
  item.year = 2024;
  item.number = "05-KH/UBKT";
  item.title = "Kiểm tra chi bộ và đảng viên theo kế hoạch";
  item.plannedOrganizations = 1;
  item.plannedMembers = 3;
  CHECK_THROWS_AS(services::addPlanItem(*f.s, kOffice, item), core::PermissionError);
  core::Id plan = services::addPlanItem(*f.s, kInspection, item);
  auto bad = item;
  bad.plannedOrganizations = bad.plannedMembers = 0;
  CHECK_THROWS_AS(services::addPlanItem(*f.s, kInspection, bad), core::DataError);

  auto c1 = f.inspection("to_chuc", "CB01", d(2024, 3, 1), "KT-1");
  c1.kind = "thuong_xuyen";
  c1.planId = plan;
  c1.closedOn = d(2024, 4, 1);
  services::recordInspection(*f.s, kInspection, c1);
  auto c2 = f.inspection("dang_vien", "M01", d(2024, 5, 1), "KT-2");
  c2.planId = plan;  // still open: linked but not done
  core::Id open = services::recordInspection(*f.s, kInspection, c2);
  // A case of 2025 cannot carry out the plan of 2024.
  auto c3 = f.inspection("dang_vien", "M02", d(2025, 1, 5), "KT-3");
  c3.planId = plan;
  CHECK(refusal([&] { services::recordInspection(*f.s, kInspection, c3); }).find("2024") !=
        std::string::npos);

  // The plan's titles and counts are readable by every reading role.
  auto p = services::inspectionPlan(*f.s, kOffice, 2024);
  REQUIRE(p.size() == 1);
  CHECK(p[0].linkedCases == 2);
  CHECK(p[0].doneOrganizations == 1);
  CHECK(p[0].doneMembers == 0);
  CHECK(p[0].percentDone == doctest::Approx(25.0));
  CHECK(services::inspectionPlan(*f.s, kOffice, 2025).empty());

  // Concluding the second case moves the progress.
  c2.closedOn = d(2024, 6, 1);
  c2.conclusion = "Không vi phạm";
  CHECK_THROWS_AS(services::updateInspection(*f.s, kOffice, open, c2), core::PermissionError);
  services::updateInspection(*f.s, kInspection, open, c2);
  CHECK(services::inspectionPlan(*f.s, kOffice, 2024)[0].percentDone == doctest::Approx(50.0));
  auto opened = services::openInspection(*f.s, kInspection, open);
  CHECK(opened.inspection.conclusion == "Không vi phạm");
  CHECK(opened.closedOn == d(2024, 6, 1));
  CHECK(opened.planId == plan);
}

TEST_CASE("discipline: the steps of a case are checked and its timeline follows what it led to") {
  Fixture f;
  auto first = f.inspection("to_chuc", "CB01", d(2024, 1, 10), "KT-1");
  first.kind = "thuong_xuyen";
  core::Id routine = services::recordInspection(*f.s, kInspection, first);

  auto in = f.inspection("dang_vien", "M01", d(2024, 2, 1), "KT-2");
  in.followsId = routine;
  in.violationOn = d(2023, 10, 1);
  in.findingsOn = d(2024, 2, 20);
  in.closedOn = d(2024, 3, 1);
  // Checked: findings before the decision to inspect, a conclusion before the findings, a violation after
  // it was found, following a later case or itself.
  auto wrong = in;
  wrong.findingsOn = d(2024, 1, 5);
  CHECK_THROWS_AS(services::recordInspection(*f.s, kInspection, wrong), core::DataError);
  wrong = in;
  wrong.closedOn = d(2024, 2, 10);
  CHECK_THROWS_AS(services::recordInspection(*f.s, kInspection, wrong), core::DataError);
  wrong = in;
  wrong.violationOn = d(2024, 2, 25);
  CHECK_THROWS_AS(services::recordInspection(*f.s, kInspection, wrong), core::DataError);
  core::Id id = services::recordInspection(*f.s, kInspection, in);
  auto self = in;
  self.followsId = id;
  CHECK_THROWS_AS(services::updateInspection(*f.s, kInspection, id, self), core::DataError);

  auto dec = f.decision("M01", "canh_cao", d(2024, 3, 15), "QĐ-9");
  dec.inspectionId = id;
  dec.violationOn = d(2023, 10, 1);
  dec.announcedOn = d(2024, 3, 20);
  auto early = dec;
  early.date = d(2024, 1, 15);
  early.announcedOn = d(2024, 1, 20);
  early.number = "QĐ-8";
  CHECK(refusal([&] { services::recordDecision(*f.s, kInspection, early); }).find("KT-2") !=
        std::string::npos);
  core::Id q = services::recordDecision(*f.s, kInspection, dec);
  CHECK(services::openDecision(*f.s, kInspection, q).inspectionId == id);
  services::fileComplaint(*f.s, kInspection, {q, d(2024, 3, 20), d(2024, 4, 2), "Đề nghị xem xét lại"});
  auto complaint = services::openDecision(*f.s, kInspection, q).complaints.at(0).id;
  services::settleComplaint(*f.s, kInspection, complaint, "rejected", d(2024, 5, 10));

  auto t = services::caseTimeline(*f.s, kInspection, id, d(2024, 6, 1));
  std::vector<std::string> kinds;
  for (const auto& step : t) kinds.push_back(step.kind);
  CHECK(kinds == std::vector<std::string>{"violation", "follow_case", "inspect", "findings", "conclusion",
                                          "decision", "announced", "complaint", "outcome", "lapse"});
  CHECK(t.back().date == d(2025, 3, 20));
  CHECK(t.back().ahead);
  CHECK_FALSE(t.front().ahead);
  // The routine case shows the case it led to.
  auto r = services::caseTimeline(*f.s, kInspection, routine, d(2024, 6, 1));
  REQUIRE(r.size() == 2);
  CHECK(r[1].kind == "follow_case");
  CHECK(r[1].detail.find("Lò Văn Một") != std::string::npos);
  // No other role reads a timeline.
  for (const Actor& a : {kOffice, Actor{"ld", "leadership", std::nullopt}})
    CHECK_THROWS_AS(services::caseTimeline(*f.s, a, id, d(2024, 6, 1)), core::PermissionError);
}

TEST_CASE("discipline: a dismissal keeps the post the member held") {
  Fixture f;
  core::Id q =
      services::recordDecision(*f.s, kInspection, f.decision("L01", "cach_chuc", d(2024, 9, 1), "QĐ-1"));
  CHECK(services::openDecision(*f.s, kInspection, q).post.find("Chi bộ bản Nà Ớt") != std::string::npos);
  auto entered = f.decision("M01", "cach_chuc", d(2024, 9, 1), "QĐ-2");
  entered.post = "Trưởng ban Mặt trận bản";
  q = services::recordDecision(*f.s, kInspection, entered);
  CHECK(services::openDecision(*f.s, kInspection, q).post == "Trưởng ban Mặt trận bản");
  CHECK(
      services::openDecision(*f.s, kInspection,
                             services::recordDecision(
                                 *f.s, kInspection, f.decision("M02", "khien_trach", d(2024, 9, 1), "QĐ-3")))
          .post.empty());
}

TEST_CASE("discipline: a removal records the ground, the cell's proposal and the decision") {
  Fixture f;
  services::RemovalInput in{"M02", "bo_sinh_hoat", d(2024, 8, 1), "12-TTr/CB", "45-QĐ/ĐU", d(2024, 9, 1)};
  CHECK_THROWS_AS(services::recordRemoval(*f.s, Actor{"bt", "secretary", f.cb01}, in), core::PermissionError);
  CHECK_THROWS_AS(services::recordRemoval(*f.s, Actor{"ld", "leadership", std::nullopt}, in),
                  core::PermissionError);
  auto late = in;
  late.proposedOn = d(2024, 9, 2);
  CHECK_THROWS_AS(services::recordRemoval(*f.s, kOffice, late), core::DataError);
  auto noGround = in;
  noGround.ground = "xyz";
  CHECK_THROWS_AS(services::recordRemoval(*f.s, kOffice, noGround), core::DataError);
  auto noNumber = in;
  noNumber.decisionNo = "";
  CHECK_THROWS_AS(services::recordRemoval(*f.s, kOffice, noNumber), core::DataError);
  CHECK(f.status("M02") == "active");
  CHECK(services::removalSummary(*f.s, kOffice, d(2024, 1, 1), d(2024, 12, 31)).total == 0);

  services::recordRemoval(*f.s, kOffice, in);
  CHECK(f.status("M02") == "removed");
  auto sum = services::removalSummary(*f.s, kOffice, d(2024, 1, 1), d(2024, 12, 31));
  REQUIRE(sum.entries.size() == 1);
  CHECK(sum.entries[0].ground == "bo_sinh_hoat");
  CHECK(sum.entries[0].proposedOn == d(2024, 8, 1));
  CHECK(sum.entries[0].proposalNo == "12-TTr/CB");
  CHECK(sum.entries[0].decisionNo == "45-QĐ/ĐU");
  // A member already off the list is not removed twice.
  CHECK_THROWS_AS(services::recordRemoval(*f.s, kOffice, in), core::DataError);
}

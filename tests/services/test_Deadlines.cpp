#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "../TestUtil.h"
#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "reports/DeadlinesReport.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/Database.h"
#include "store/RecordsRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {
using test::admission::d;
const Actor kOffice = Actor::localOffice();

// One village cell, candidates born in 1995 and listed in 2020, members born in 1950.
struct Fixture : test::admission::OneCell {
  core::Candidate candidate(const std::string& code) const {
    return OneCell::candidate(code, *core::PartialDate::make(1995, 5, 10), d(2020, 1, 2));
  }
  void member(const std::string& code, core::Date admitted, std::optional<core::Date> ceremony,
              std::optional<core::Date> official) {
    OneCell::member(code, admitted, ceremony, official, *core::PartialDate::make(1950, 1, 1));
  }
  std::vector<services::Deadline> of(const std::string& kind, const core::Date& asOf) {
    std::vector<services::Deadline> out;
    for (auto& x : services::deadlines(*s, kOffice, asOf))
      if (x.kind == kind) out.push_back(x);
    return out;
  }
};
}  // namespace

TEST_CASE("deadline: the admission decision is due 60 working days after the vote, Tết not counted") {
  Fixture fx;
  auto c = fx.candidate("QC1");
  c.certificateOn = d(2025, 9, 1);
  c.cellVoteOn = d(2026, 1, 20);
  c.cellVoteOfficial = 9;
  c.cellVoteInFavour = 7;
  fx.insert(c);
  auto due = fx.of("decision_due", d(2026, 3, 2));
  REQUIRE(due.size() == 1);
  // 60 weekdays after 20/01/2026 would be 14/04/2026; Tết (16-20/02/2026 off) moves it to 21/04/2026.
  CHECK(due[0].due == d(2026, 4, 21));
  CHECK(fx.s->calendar().workingDaysBetween(d(2026, 1, 20), due[0].due) == 60);
  // + 30 working days: 27/04 (Giỗ Tổ moved), 30/04 and 01/05 are off too.
  CHECK(due[0].extendedDue == d(2026, 6, 5));
  CHECK(due[0].from == d(2026, 1, 20));
  CHECK(due[0].overdueDays == int(d(2026, 3, 2).serial() - d(2026, 4, 21).serial()));
  CHECK(due[0].overdueDays < 0);
  CHECK(services::checkOverdue(*fx.s, kOffice, d(2026, 4, 21)).empty());
  auto late = services::checkOverdue(*fx.s, kOffice, d(2026, 4, 24));
  REQUIRE(late.size() == 1);
  CHECK(late[0].rule == "overdue");
  CHECK(late[0].subject == "QC1");
  CHECK_FALSE(late[0].year);
  CHECK(late[0].message.find("21/04/2026") != std::string::npos);
  CHECK(late[0].message.find("3") != std::string::npos);
}

TEST_CASE("deadline: certificate expiry, ceremony and recognition") {
  Fixture fx;
  auto old = fx.candidate("QC1");
  old.certificateOn = d(2020, 3, 10);  // valid 60 months: until 10/03/2025
  fx.insert(old);
  auto decided = fx.candidate("QC2");
  decided.certificateOn = d(2025, 1, 6);
  decided.cellVoteOn = d(2025, 3, 3);
  decided.decisionOn = d(2025, 4, 1);
  decided.decisionNo = "9-QĐ";
  fx.insert(decided);
  auto closed = fx.candidate("QC3");
  closed.certificateOn = d(2019, 1, 1);
  closed.status = "withdrawn";
  fx.insert(closed);
  // Probation from the ceremony 15/05/2024: ends 15/05/2025, the cell reviews within 30 working days.
  fx.member("DV1", d(2024, 5, 2), d(2024, 5, 15), std::nullopt);
  fx.member("DV2", d(2010, 1, 1), d(2010, 1, 10), d(2011, 1, 10));
  const auto asOf = d(2025, 6, 20);
  auto cert = fx.of("certificate_expiry", asOf);
  REQUIRE(cert.size() == 1);  // QC2 has a decision, QC3 is withdrawn
  CHECK(cert[0].code == "QC1");
  CHECK(cert[0].due == d(2025, 3, 10));
  CHECK(cert[0].overdueDays == 102);
  auto cer = fx.of("ceremony_due", asOf);
  REQUIRE(cer.size() == 1);
  CHECK(cer[0].due == fx.s->calendar().addWorkingDays(d(2025, 4, 1), 30));
  CHECK(cer[0].due == d(2025, 5, 16));  // Giỗ Tổ 07/04, 30/04-02/05 off, Saturday 26/04 worked
  auto rec = fx.of("recognition_due", asOf);
  REQUIRE(rec.size() == 1);
  CHECK(rec[0].code == "DV1");
  CHECK(rec[0].step == "review");
  CHECK(rec[0].from == d(2025, 5, 15));
  CHECK(rec[0].due == fx.s->calendar().addWorkingDays(d(2025, 5, 15), 30));
  // Once reviewed, the decision is due 30 (+30) working days after the review.
  store::Recognition r;
  r.memberId =
      services::storeOf(*fx.s).db().execAndGet("SELECT id FROM members WHERE code = 'DV1'").getInt64();
  r.cellReviewOn = d(2025, 6, 2);
  r.officialCount = 1;
  r.inFavour = 1;
  store::AdmissionRepository(services::storeOf(*fx.s)).saveRecognition(r);
  rec = fx.of("recognition_due", asOf);
  REQUIRE(rec.size() == 1);
  CHECK(rec[0].step == "decision");
  CHECK(rec[0].due == fx.s->calendar().addWorkingDays(d(2025, 6, 2), 30));
  CHECK(rec[0].extendedDue == fx.s->calendar().addWorkingDays(d(2025, 6, 2), 60));
  // Sorted by due date.
  auto all = services::deadlines(*fx.s, kOffice, asOf);
  for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].due <= all[i].due);
  auto findings = services::checkOverdue(*fx.s, kOffice, asOf);
  REQUIRE(findings.size() == 2);  // the certificate and the ceremony
  CHECK(findings[0].subject == "QC1");
  CHECK(findings[1].subject == "QC2");
}

TEST_CASE("deadline: a badge milestone on the next award day") {
  Fixture fx;
  fx.member("DV1", d(1996, 12, 1), std::nullopt, d(1997, 12, 1));  // 30 years on 01/12/2026
  fx.member("DV2", d(1986, 11, 1), std::nullopt,
            d(1987, 11, 1));  // 40 years on 01/11/2026: before the last award day
  fx.member("DV3", d(1981, 2, 3), std::nullopt, d(1982, 2, 3));  // 46 years: no milestone
  auto badges = fx.of("badge_due", d(2026, 11, 29));
  REQUIRE(badges.size() == 1);
  CHECK(badges[0].code == "DV1");
  CHECK(badges[0].due == d(2027, 2, 3));
  CHECK(badges[0].step == "30");
  CHECK(badges[0].overdueDays == -66);
}

TEST_CASE("deadline: the report's JSON has exactly the spec's keys, CSV a header and a row each") {
  std::vector<services::Deadline> list = {{"decision_due", "candidate", "QC1", "Lò Thị \"Ứng\"", "CB01",
                                           d(2026, 1, 20), d(2026, 4, 21), d(2026, 6, 5), "", -50},
                                          {"badge_due", "member", "DV1", "Lò Văn Một", "CB01", d(2026, 12, 1),
                                           d(2027, 2, 3), std::nullopt, "30", -66},
                                          {"ceremony_due", "candidate", "QC2", "Cà Văn Hai", "CB02",
                                           d(2026, 9, 1), d(2026, 10, 13), std::nullopt, "", 12}};
  std::ostringstream json;
  reports::writeDeadlinesJson(json, list);
  const std::string j = json.str();
  CHECK(j.front() == '[');
  CHECK(j.find("\"kind\": \"decision_due\"") != std::string::npos);
  CHECK(j.find("\"code\": \"QC1\"") != std::string::npos);
  CHECK(j.find("\"name\": \"Lò Thị \\\"Ứng\\\"\"") != std::string::npos);
  CHECK(j.find("\"due\": \"2026-04-21\"") != std::string::npos);
  CHECK(j.find("\"overdue_days\": -50") != std::string::npos);
  CHECK(j.find("extended") == std::string::npos);
  size_t keys = 0;
  for (size_t p = 0; (p = j.find("\": ", p)) != std::string::npos; ++p) ++keys;
  CHECK(keys == 15);
  std::ostringstream csv;
  reports::writeDeadlinesCsv(csv, list);
  // Headed in Vietnamese, the kind as its label and its code.
  CHECK(csv.str().rfind("\xEF\xBB\xBF", 0) == std::string::npos);  // the BOM is the CLI's, not the writer's
  CHECK(csv.str().rfind("Thời hạn,Mã loại,Mã,Họ và tên,Chi bộ,Từ ngày,Hạn,Gia hạn đến,Bước,Số ngày quá hạn,"
                        "Số ngày còn lại\n",
                        0) == 0);
  // Not yet due: no days overdue, 50 days left (never "-50" under "days overdue").
  CHECK(csv.str().find(
            "Hạn ra quyết định kết nạp,decision_due,QC1,\"Lò Thị \"\"Ứng\"\"\",CB01,2026-01-20,2026-04-21,"
            "2026-06-05,,,50\n") != std::string::npos);
  CHECK(csv.str().find(",2026-10-13,,,12,\n") != std::string::npos);  // overdue: 12 days, none left
  CHECK(csv.str().find(",-") == std::string::npos);

  services::AdmissionProgress p;
  p.year = 2026;
  p.asOf = d(2026, 11, 29);
  p.admitted = 31;
  p.total = 31;
  p.target = 30;
  p.percentOfTarget = 1033;
  p.termName = "2025-2030";
  p.cells.push_back({"CB01", "Chi bộ bản Nà Ớt", 3, 0});
  std::ostringstream aj, ac;
  reports::writeAdmissionsJson(aj, {p});
  CHECK(aj.str().find("\"percent_of_target\": 103.3") != std::string::npos);
  CHECK(aj.str().find("\"term_target\": null") != std::string::npos);
  reports::writeAdmissionsCsv(ac, {p});
  CHECK(ac.str() ==
        "Năm,Mã chi bộ,Tên,Kết nạp,Chờ lễ kết nạp,Tổng số,Chỉ tiêu,Tỷ lệ so với chỉ tiêu (%)\n"
        "2026,Toàn Đảng bộ,2025-2030,31,0,31,30,103.3\n2026,CB01,Chi bộ bản Nà Ớt,3,0,3,,\n");
}

TEST_CASE("deadline: the demo commune has plausible deadlines of every kind") {
  TempDir dir;
  services::DemoOptions opt;
  opt.seed = 1;
  opt.today = d(2026, 11, 29);
  services::Services::createDemo(dir / "demo.db", opt);
  auto s = services::Services::open(dir / "demo.db");
  const auto list = services::deadlines(*s, kOffice, opt.today);
  std::map<std::string, std::pair<int, int>> byKind;  // total, overdue
  for (const auto& x : list) {
    ++byKind[x.kind].first;
    if (x.overdueDays > 0) ++byKind[x.kind].second;
  }
  std::string summary;
  for (const auto& [kind, n] : byKind)
    summary += kind + ": " + std::to_string(n.first) + " (" + std::to_string(n.second) + " overdue)\n";
  MESSAGE(summary);
  CHECK(byKind["decision_due"].first >= 1);
  CHECK(byKind["ceremony_due"].first >= 1);
  CHECK(byKind["recognition_due"].first >= 10);
  CHECK(byKind["badge_due"].first >= 1);
  CHECK(byKind["certificate_expiry"].first >= 1);
  CHECK(byKind["certificate_expiry"].second >= 1);  // the planted stalled file
  CHECK(byKind["decision_due"].second >= 1);
  CHECK(byKind["transfer_due"].first >= 1);  // the recent transfers out without the receipt
  CHECK(services::checkOverdue(*s, kOffice, opt.today).size() ==
        size_t(std::count_if(list.begin(), list.end(), [](const auto& x) { return x.overdueDays > 0; })));
  auto p = services::admissionProgress(*s, kOffice, 2026, opt.today);
  MESSAGE("admissions 2026: " << p.admitted << " admitted, " << p.awaitingCeremony
                              << " awaiting the ceremony, target "
                              << (p.target ? std::to_string(*p.target) : "none") << ", term " << p.termName
                              << " " << p.termTotal << "/"
                              << (p.termTarget ? std::to_string(*p.termTarget) : "none"));
  CHECK(p.target == 30);
  CHECK(p.termName == "2025-2030");
  CHECK(p.admitted > 0);
}

// A badge round (issue 19): a milestone reached since the previous award day, one missed earlier, a seriously
// ill member proposed early, a posthumous proposal, a disciplined member waiting; awards as records and their
// refusals; the ceremony list.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "exchange/RegisterExport.h"
#include "services/BadgeRound.h"
#include "services/Deadlines.h"
#include "services/MemberList.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/StoreAccess.h"
#include "store/RecordsRepository.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

namespace {
const Actor kOffice = Actor::localOffice();

struct Fixture : test::admission::OneCell {
  void member(const std::string& code, core::Date admitted) {
    OneCell::member(code, admitted, admitted, admitted.addYears(1), *core::PartialDate::make(1940, 1, 1));
  }
  void award(const std::string& code, int years, core::Date on, const std::string& badgeNo = "") {
    core::BadgeAward a;
    a.milestone = years;
    a.decisionNo = std::to_string(years) + "-QĐ/TU";
    a.decisionOn = on;
    a.ceremonyOn = on;
    a.badgeNo = badgeNo;
    services::recordBadgeAward(*s, kOffice, code, a);
  }
  void request(const std::string& code, const char* kind, core::Date on) {
    services::recordBadgeRequest(*s, kOffice, code, {0, 0, kind, on, ""});
  }
  void discipline(const std::string& code, const char* form, core::Date on) {
    core::Discipline x;
    x.number = std::string("KL-") + code;
    x.date = on;
    x.subjectType = "dang_vien";
    x.subjectId = services::memberFile(*s, kOffice, code).member.id;
    x.form = form;
    x.body = "Đảng ủy";
    store::RecordsRepository(services::storeOf(*s)).insertDiscipline(x);
  }
};

std::map<std::string, std::string> byCode(const services::BadgeRound& r) {
  std::map<std::string, std::string> out;
  for (const auto& p : r.proposals)
    out[p.code] = std::to_string(p.milestone) + " " + p.reason + " " + p.reachedOn.iso();
  return out;
}
}  // namespace

TEST_CASE("badge round: due, missed, seriously ill, posthumous and waiting after a discipline") {
  Fixture fx;
  fx.member("DV01", d(1996, 10, 1));  // 30 years on 01/10/2026, after the previous award day 02/09/2026
  fx.member("DV02", d(1990, 1, 5));   // 30 years on 05/01/2020, never awarded
  fx.member("DV03", d(1986, 6, 1));   // 40 years on 01/06/2026, awarded on 02/09/2026: nothing above it yet
  fx.member("DV04", d(1977, 8, 1));   // 45 awarded; 50 years on 01/08/2027, seriously ill
  fx.member("DV05", d(1967, 3, 1));   // died 01/08/2026; 60 years on 01/03/2027
  fx.member("DV06", d(1996, 9, 20));  // 30 years on 20/09/2026; reprimanded 01/08/2026 (waits 6 months)
  fx.member("DV07", d(1997, 12, 1));  // 30 years on 01/12/2027: seriously ill, but more than 12 months ahead
  fx.member("DV08", d(1996, 9, 25));  // 30 years on 25/09/2026; warned 01/10/2025: 9 months ended 01/07/2026
  fx.award("DV03", 40, d(2026, 9, 2));
  fx.award("DV04", 45, d(2022, 9, 2));
  fx.request("DV04", "ill", d(2026, 10, 15));
  fx.request("DV07", "ill", d(2026, 10, 15));
  services::recordAction(*fx.s, kOffice, "DV05", {"deceased", d(2026, 8, 1), "", "", "", ""});
  fx.request("DV05", "posthumous", d(2026, 8, 20));
  fx.discipline("DV06", "khien_trach", d(2026, 8, 1));
  fx.discipline("DV08", "canh_cao", d(2025, 10, 1));

  const auto round = services::badgeRound(*fx.s, kOffice, d(2026, 11, 7));
  REQUIRE(round.previous);
  CHECK(*round.previous == d(2026, 9, 2));
  const std::map<std::string, std::string> expected = {{"DV01", "30 due 2026-10-01"},
                                                       {"DV02", "30 missed 2020-01-05"},
                                                       {"DV04", "50 ill 2027-08-01"},
                                                       {"DV05", "60 posthumous 2027-03-01"},
                                                       {"DV08", "30 due 2026-09-25"}};
  CHECK(byCode(round) == expected);
  REQUIRE(round.waiting.size() == 1);
  CHECK(round.waiting[0].code == "DV06");
  CHECK(round.waiting[0].allowedFrom == d(2027, 2, 1));
  // Highest milestone first.
  CHECK(round.proposals.front().milestone == 60);

  // Awarded in the round: off the next list; the one still waiting comes back once the wait is over.
  fx.award("DV02", 30, d(2026, 11, 7), "HH-0001");
  const auto next = services::badgeRound(*fx.s, kOffice, d(2027, 2, 3));
  CHECK(byCode(next).count("DV02") == 0);
  CHECK(byCode(next).at("DV06") == "30 missed 2026-09-20");
  CHECK(byCode(next).at("DV01") == "30 missed 2026-10-01");  // not awarded on 7/11: proposed again
  CHECK(next.waiting.empty());

  // The report: the memo counts, the list, the waiting table; the ceremony list has the badge number.
  const auto rep = services::badgeProposalsReport(*fx.s, kOffice, d(2026, 11, 7));
  REQUIRE(rep.table("proposals"));
  CHECK(rep.table("proposals")->rows.size() == 4);  // DV02 is awarded now
  REQUIRE(rep.table("waiting"));
  CHECK_MESSAGE(rep.sections.front().paragraphs.front().find(" 4 ") != std::string::npos,
                rep.sections.front().paragraphs.front());
  const auto cer = services::badgeCeremonyReport(*fx.s, kOffice, d(2026, 11, 7));
  REQUIRE(cer.table("awards"));
  REQUIRE(cer.table("awards")->rows.size() == 1);
  CHECK(cer.table("awards")->rows[0].cells[5].text == "HH-0001");
  // The register's column 8: card number, file number, badge number.
  for (const auto& e : services::registerEntries(*fx.s, kOffice, d(2026, 11, 30)))
    if (e.member.code == "DV02") CHECK(exchange::registerCells(e, 1, d(2026, 11, 30), "; ")[7] == "HH-0001");
  for (const auto& e : services::registerEntries(*fx.s, kOffice, d(2026, 11, 6)))
    if (e.member.code == "DV02") CHECK(exchange::registerCells(e, 1, d(2026, 11, 6), "; ")[7].empty());
  // A secretary sees their cell only (all are of CB01 here); another cell's secretary sees none.
  CHECK(services::badgeRound(*fx.s, {"bt", "secretary", fx.cell + 100}, d(2026, 11, 7)).proposals.empty());
}

TEST_CASE("badge round: a seriously ill member is brought forward by the months of the badge proposed") {
  // Hướng dẫn 01-HD/TW (2021) §18: at most 12 months for the badges of 30 to 65 years, 24 months for those of
  // 70 years and more, whatever the member's party age on the award day.
  Fixture fx;
  services::storeOf(*fx.s).db().exec("UPDATE organizations SET founded = '1950-01-01'");
  fx.member("DV11", d(1958, 5, 1));  // 68 years on 07/11/2026; 70 years on 01/05/2028, 18 months ahead
  fx.member("DV12", d(1963, 5, 1));  // 63 years on 07/11/2026; 65 years on 01/05/2028, 18 months ahead
  fx.award("DV11", 65, d(2023, 9, 2));
  fx.award("DV12", 60, d(2023, 9, 2));
  fx.request("DV11", "ill", d(2026, 10, 15));
  fx.request("DV12", "ill", d(2026, 10, 15));
  const auto round = services::badgeRound(*fx.s, kOffice, d(2026, 11, 7));
  const std::map<std::string, std::string> expected = {{"DV11", "70 ill 2028-05-01"}};
  CHECK(byCode(round) == expected);
  // The award itself follows the same rule.
  CHECK_THROWS_AS(fx.award("DV12", 65, d(2026, 11, 7)), core::DataError);
  fx.award("DV11", 70, d(2026, 11, 7));
  CHECK(byCode(services::badgeRound(*fx.s, kOffice, d(2027, 2, 3))).count("DV11") == 0);
}

TEST_CASE("badge: the member form names the badge the round proposes, the highest reached and not awarded") {
  Fixture fx;
  fx.member("DV21", d(1969, 6, 17));  // 57 years on 07/11/2026, never awarded: the round proposes 55
  fx.member("DV22", d(2000, 3, 1));   // 26 years: the next one, 30 on 01/03/2030
  const auto round = services::badgeRound(*fx.s, kOffice, d(2026, 11, 7));
  REQUIRE(byCode(round).count("DV21") == 1);
  CHECK(byCode(round).at("DV21") == "55 missed 2024-06-17");
  const auto v = services::partyAgeOf(*fx.s, kOffice, "DV21", d(2026, 11, 7));
  CHECK(v.nextMilestone == 55);
  CHECK(v.nextMilestoneOn == d(2024, 6, 17));
  const auto w = services::partyAgeOf(*fx.s, kOffice, "DV22", d(2026, 11, 7));
  CHECK(w.nextMilestone == 30);
  CHECK(w.nextMilestoneOn == d(2030, 3, 1));
}

TEST_CASE("badge awards: records refused when they do not fit") {
  Fixture fx;
  fx.member("DV01", d(1990, 1, 5));
  auto refused = [&](core::BadgeAward a, const char* words, const Actor& who = kOffice) {
    try {
      services::recordBadgeAward(*fx.s, who, "DV01", a);
      FAIL("accepted");
    } catch (const core::DataError& e) {
      CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
    }
  };
  core::BadgeAward ok;
  ok.milestone = 30;
  ok.decisionNo = "12-QĐ/TU";
  ok.decisionOn = d(2020, 5, 10);
  ok.ceremonyOn = d(2020, 5, 19);
  ok.badgeNo = "HH-7";
  auto a = ok;
  a.milestone = 35;
  refused(a, "35");  // not a milestone
  a = ok;
  a.milestone = 40;
  refused(a, "40");  // not reached
  a = ok;
  a.ceremonyOn = d(2020, 5, 1);
  refused(a, "10/05/2020");  // ceremony before the decision
  a = ok;
  a.decisionNo = "";
  refused(a, "");
  CHECK_THROWS_AS(services::recordBadgeAward(*fx.s, {"bt", "secretary", fx.cell}, "DV01", ok),
                  core::PermissionError);
  services::recordBadgeAward(*fx.s, kOffice, "DV01", ok);
  refused(ok, "12-QĐ/TU");  // already awarded
  fx.member("DV02", d(1990, 1, 5));
  ok.milestone = 30;
  CHECK_THROWS_AS(services::recordBadgeAward(*fx.s, kOffice, "DV02", ok),
                  core::DataError);  // same badge number
  // Requests: posthumous for a living member, a future date.
  CHECK_THROWS_AS(fx.request("DV02", "posthumous", d(2026, 1, 1)), core::DataError);
  CHECK_THROWS_AS(fx.request("DV02", "ill", core::Date::today().addDays(2)), core::DataError);
  CHECK_THROWS_AS(fx.request("DV02", "lucky", d(2026, 1, 1)), core::DataError);
  // The party age view lists the award and the next milestone.
  const auto v = services::partyAgeOf(*fx.s, kOffice, "DV01", d(2026, 1, 1));
  REQUIRE(v.awards.size() == 1);
  CHECK(v.nextMilestone == 40);
  CHECK(v.nextMilestoneOn == d(2030, 1, 5));
}

TEST_CASE("badge round for the window: the award days of a year and each proposal's party age") {
  Fixture fx;
  const std::vector<core::Date> days2026 = {d(2026, 2, 3), d(2026, 5, 19), d(2026, 9, 2), d(2026, 11, 7)};
  CHECK(services::badgeAwardDays(*fx.s, 2026) == days2026);
  CHECK(services::badgeAwardDays(*fx.s, 2027).front() == d(2027, 2, 3));
  fx.member("DV01", d(1996, 10, 1));  // 30 years on 01/10/2026: 30 on the award day 07/11/2026
  fx.member("DV02", d(1990, 1, 5));   // 30 years on 05/01/2020, never awarded: 36 on the award day
  fx.member("DV05", d(1967, 3, 1));   // died 01/08/2026 at 59 years of party age; 60 years on 01/03/2027
  services::recordAction(*fx.s, kOffice, "DV05", {"deceased", d(2026, 8, 1), "", "", "", ""});
  fx.request("DV05", "posthumous", d(2026, 8, 20));
  std::map<std::string, int> years;
  for (const auto& p : services::badgeRound(*fx.s, kOffice, d(2026, 11, 7)).proposals)
    years[p.code] = p.partyYears;
  const std::map<std::string, int> expected = {{"DV01", 30}, {"DV02", 36}, {"DV05", 59}};
  CHECK(years == expected);
}

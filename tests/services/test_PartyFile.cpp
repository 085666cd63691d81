// Party age with dated interruptions (issue 19): a re-admission through the ceremony keeps the first
// admission and creates the interruption; the office's interruptions (a transfer gap); the refusals; the
// deadline list counts badges from party age.
#include <doctest/doctest.h>

#include <algorithm>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

namespace {
const Actor kOffice = Actor::localOffice();

struct Fixture : test::admission::OneCell {
  void member(const std::string& code, core::Date admitted) {
    OneCell::member(code, admitted, admitted, admitted.addYears(1), *core::PartialDate::make(1950, 1, 1));
  }
  Actor secretary() const { return {"bt01", "secretary", cell}; }
  /// A candidate of CB01 born 1/1/1950, with every stage up to the admission decision of `decided`.
  void decided(const std::string& code, const std::string& name, const std::string& cccd, core::Date decided,
               core::PartialDate born = *core::PartialDate::make(1950, 1, 1)) {
    auto c = candidate(code, born, decided.addMonths(-14));
    c.fullName = name;
    c.gender = "nam";
    c.cccd = cccd;
    c.certificateNo = "12";
    c.certificateOn = decided.addMonths(-13);
    c.applicationOn = decided.addMonths(-12);
    c.historyOn = decided.addMonths(-11);
    c.backgroundCheckOn = decided.addMonths(-10);
    c.backgroundCheckResult = "tốt";
    c.massOrgCommentOn = decided.addMonths(-9);
    c.cellVoteOn = decided.addMonths(-3);
    c.cellVoteOfficial = 9;
    c.cellVoteInFavour = 9;
    c.committeeResolutionOn = decided.addMonths(-1);
    c.committeeResolutionNo = "3-NQ/ĐU";
    c.decisionOn = decided;
    c.decisionNo = "40-QĐ/ĐU";
    c.decisionBody = "Đảng ủy xã Thử";
    insert(c);
  }
  core::PartyInterruption gap(const char* kind, core::Date from, std::optional<core::Date> to) {
    core::PartyInterruption i;
    i.kind = kind;
    i.from = from;
    i.to = to;
    return i;
  }
  int auditRows(const std::string& action) {
    int n = 0;
    for (const auto& r : store::AuditRepository(services::storeOf(*s)).latest(100000))
      if (r.action == action) ++n;
    return n;
  }
};
}  // namespace

TEST_CASE("party age: a removed member re-admitted keeps the first admission, less the time outside") {
  Fixture fx;
  fx.member("DV01", d(1980, 1, 10));
  {
    core::Member m = services::memberFile(*fx.s, kOffice, "DV01").member;
    m.cccd = "014080001234";
    services::updateMember(*fx.s, kOffice, m, "");
  }
  services::recordAction(*fx.s, kOffice, "DV01",
                         {"removed", d(1990, 3, 1), "", "", "5-QĐ/ĐU", "bo_sinh_hoat"});
  // The same person, listed again, admitted by the decision of 1/3/1993 and given the card the week after.
  fx.decided("QC9", "Lò Văn DV01", "014080001234", d(1993, 3, 1));
  services::recordCeremony(*fx.s, kOffice, "QC9", {d(1993, 3, 8), "DV02", "", ""});

  const auto v = services::partyAgeOf(*fx.s, kOffice, "DV02", d(2013, 1, 10));
  REQUIRE(v.firstAdmitted);
  CHECK(*v.firstAdmitted == d(1980, 1, 10));
  REQUIRE(v.interruptions.size() == 1);
  CHECK(v.interruptions[0].kind == "readmission");
  CHECK(v.interruptions[0].from == d(1990, 3, 1));
  CHECK(v.interruptions[0].to == d(1993, 3, 1));
  CHECK(v.interruptions[0].note == "DV01");
  // 30 years from 10/01/1980 plus the 3 years (1.096 days) outside: 10/01/2013.
  CHECK(v.years == 30);
  CHECK(services::partyAgeOf(*fx.s, kOffice, "DV02", d(2013, 1, 9)).years == 29);
  CHECK(v.nextMilestone == 30);
  CHECK(v.nextMilestoneOn == d(2013, 1, 10));
  CHECK(fx.auditRows("member.interruption_add") == 1);
  // Counted from the second admission alone it would be 19 years on that day.
  CHECK(core::partyYearsOn(d(1993, 3, 1), {}, d(2013, 1, 10)) == 19);
}

TEST_CASE("party age: a member who left and was re-admitted: the earlier membership's gaps count too") {
  Fixture fx;
  fx.member("DV01", d(1970, 5, 1));
  // A transfer gap during the first membership (out of this committee 1/1/1975, back 1/7/1975: 181 days).
  services::addInterruption(*fx.s, kOffice, "DV01", fx.gap("transfer_gap", d(1975, 1, 1), d(1975, 7, 1)));
  services::recordAction(*fx.s, kOffice, "DV01", {"left", d(1985, 6, 1), "", "", "9-QĐ/ĐU", ""});
  // Same name and date of birth, no CCCD: re-admitted by the decision of 1/6/1995 (3.652 days later).
  fx.decided("QC5", "Lò Văn DV01", "", d(1995, 6, 1));
  services::recordCeremony(*fx.s, kOffice, "QC5", {d(1995, 6, 20), "DV03", "", ""});
  const auto v = services::partyAgeOf(*fx.s, kOffice, "DV03", d(2025, 10, 28));
  CHECK(*v.firstAdmitted == d(1970, 5, 1));
  REQUIRE(v.interruptions.size() == 1);  // its own; the earlier one stays on DV01's file
  // 45 years: 1/5/2015 + 181 days = 29/10/2015, + 3.652 days = 28/10/2025.
  CHECK(v.years == 45);
  CHECK(services::partyAgeOf(*fx.s, kOffice, "DV03", d(2025, 10, 27)).years == 44);
  services::PartyAgeBook book(services::storeOf(*fx.s));
  const auto m = services::memberFile(*fx.s, kOffice, "DV03").member;
  CHECK(book.facts(m.id, m.admittedOn).gaps.size() == 2);
  CHECK(*book.reaches(m.id, m.admittedOn, 45) == d(2025, 10, 28));
  // A different person of the same name (born on another day) is not linked.
  fx.decided("QC6", "Lò Văn DV01", "", d(2000, 6, 1), *core::PartialDate::make(1962, 3, 3));
  services::recordCeremony(*fx.s, kOffice, "QC6", {d(2000, 6, 20), "DV04", "", ""});
  CHECK(services::partyAgeOf(*fx.s, kOffice, "DV04", d(2026, 1, 1)).interruptions.empty());
}

TEST_CASE("party age: a transfer gap entered by the office moves the badge in the deadline list") {
  Fixture fx;
  fx.member("DV01", d(1996, 5, 10));
  fx.member("DV02", d(1996, 5, 10));
  // DV02 left for another committee on 1/3/2000 and was received back on 1/5/2000: 61 days.
  services::addInterruption(*fx.s, kOffice, "DV02", fx.gap("transfer_gap", d(2000, 3, 1), d(2000, 5, 1)));
  const auto v = services::partyAgeOf(*fx.s, kOffice, "DV02", d(2026, 5, 19));
  CHECK(v.years == 29);
  CHECK(v.nextMilestoneOn == d(2026, 7, 10));
  // The award day 19/5/2026: DV01 reached 30 years on 10/5/2026; DV02 only on 10/7/2026 (award day 2/9).
  std::vector<std::string> may, sept;
  for (const auto& x : services::deadlines(*fx.s, kOffice, d(2026, 5, 1)))
    if (x.kind == "badge_due") may.push_back(x.code);
  for (const auto& x : services::deadlines(*fx.s, kOffice, d(2026, 6, 1)))
    if (x.kind == "badge_due") sept.push_back(x.code + "@" + x.from.iso());
  CHECK(may == std::vector<std::string>{"DV01"});
  CHECK(sept == std::vector<std::string>{"DV02@2026-07-10"});
}

TEST_CASE("party age: interruptions refused when they do not fit, and only the office records them") {
  Fixture fx;
  fx.member("DV01", d(1990, 1, 1));
  services::addInterruption(*fx.s, kOffice, "DV01", fx.gap("out_of_contact", d(2001, 1, 1), d(2002, 1, 1)));
  auto refused = [&](core::PartyInterruption i, const char* words) {
    try {
      services::addInterruption(*fx.s, kOffice, "DV01", i);
      FAIL("accepted");
    } catch (const core::DataError& e) {
      CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
    }
  };
  refused(fx.gap("out_of_contact", d(2001, 6, 1), d(2003, 1, 1)), "01/01/2001");      // overlaps
  refused(fx.gap("transfer_gap", d(1989, 1, 1), d(1989, 6, 1)), "01/01/1990");        // before admission
  refused(fx.gap("other", d(2010, 1, 1), d(2009, 1, 1)), "01/01/2010");               // ends before it starts
  refused(fx.gap("other", core::Date::today().addDays(3), std::nullopt), "");         // in the future
  refused(fx.gap("holiday", d(2010, 1, 1), d(2010, 2, 1)), "holiday");                // unknown kind
  refused(fx.gap("readmission", d(2010, 1, 1), d(2011, 1, 1)), "first_admitted_on");  // no first admission
  auto hidden = fx.gap("other", d(2012, 1, 1), d(2012, 2, 1));
  hidden.note = "a\x1b[31m";
  CHECK_THROWS_AS(services::addInterruption(*fx.s, kOffice, "DV01", hidden), core::DataError);
  CHECK_THROWS_AS(
      services::addInterruption(*fx.s, fx.secretary(), "DV01", fx.gap("other", d(2012, 1, 1), d(2012, 2, 1))),
      core::PermissionError);
  const Actor reader{"ld", "leadership", std::nullopt};
  CHECK_THROWS_AS(
      services::addInterruption(*fx.s, reader, "DV01", fx.gap("other", d(2012, 1, 1), d(2012, 2, 1))),
      core::PermissionError);
  // Nothing of the refused ones was written; the secretary still reads the party age of the cell's member.
  const auto v = services::partyAgeOf(*fx.s, fx.secretary(), "DV01", d(2026, 1, 1));
  CHECK(v.interruptions.size() == 1);
  CHECK(v.years == 35);
  CHECK(fx.auditRows("member.interruption_add") == 1);
  // An open interruption holds every later milestone back.
  services::addInterruption(*fx.s, kOffice, "DV01", fx.gap("out_of_contact", d(2015, 1, 1), std::nullopt));
  const auto held = services::partyAgeOf(*fx.s, kOffice, "DV01", d(2026, 1, 1));
  CHECK(held.years == 24);
  CHECK_FALSE(held.nextMilestoneOn);
  // Deleting one is audited with what it was.
  services::deleteInterruption(*fx.s, kOffice, held.interruptions.back().id);
  CHECK(services::partyAgeOf(*fx.s, kOffice, "DV01", d(2026, 1, 1)).years == 35);
  CHECK(fx.auditRows("member.interruption_delete") == 1);
  CHECK_THROWS_AS(services::deleteInterruption(*fx.s, fx.secretary(), held.interruptions.front().id),
                  core::PermissionError);
}

// The member card 2-HSĐV (issue 19): pre-filled from the member's file, blank where the register has nothing.
#include <doctest/doctest.h>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "services/MemberForms.h"
#include "services/PartyFile.h"
#include "services/Register.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

TEST_CASE("party card: every item from the file, the first admission, badges, a re-admission") {
  test::admission::OneCell fx;
  fx.member("DV01", d(1980, 1, 10), d(1980, 1, 20), d(1981, 1, 10), *core::PartialDate::make(1955, 3, 4));
  core::Member m = services::memberFile(*fx.s, Actor::localOffice(), "DV01").member;
  m.cccd = "014055001234";
  m.hometown = "Mường Bú, Sơn La";
  m.cardNo = "10164608";
  m.fileNo = "012345SL";
  services::updateMember(*fx.s, Actor::localOffice(), m, "");
  core::BadgeAward a;
  a.milestone = 40;
  a.decisionNo = "12-QĐ/TU";
  a.decisionOn = d(2020, 2, 3);
  services::recordBadgeAward(*fx.s, Actor::localOffice(), "DV01", a);
  const auto card = services::partyCardReport(*fx.s, Actor::localOffice(), "DV01");
  const auto* items = card.table("items");
  REQUIRE(items);
  REQUIRE(items->rows.size() == 30);
  auto value = [&](const char* no) {
    for (const auto& r : items->rows)
      if (r.key == no) return r.cells[2].text;
    return std::string("<none>");
  };
  CHECK(value("01") == "LÒ VĂN DV01");
  CHECK(value("04") == "04/03/1955");
  CHECK(value("06") == "Mường Bú, Sơn La");
  CHECK(value("08") == "Thái");
  CHECK(value("12").find("10/01/1980") != std::string::npos);
  CHECK(value("12").find("10/01/1981") != std::string::npos);
  CHECK(value("19") == "014055001234");
  CHECK(value("24").find("40") != std::string::npos);
  CHECK(value("10").empty());  // the register has nothing: left to fill in
  CHECK(value("26").empty());  // discipline: case files, never printed here
  const auto* head = card.table("header");
  REQUIRE(head);
  CHECK(head->rows[3].cells[1].text == "012345SL");
  CHECK(head->rows[4].cells[1].text == "10164608");
  // Another cell's secretary may not print it.
  CHECK_THROWS(services::partyCardReport(*fx.s, {"bt", "secretary", fx.cell + 100}, "DV01"));
}

TEST_CASE("admission decision: the vote and the resolution as recorded, refused before the resolution") {
  test::admission::OneCell fx;
  auto c = fx.candidate("QC1", *core::PartialDate::make(2000, 2, 3), d(2025, 1, 6));
  c.cellVoteOn = d(2025, 9, 1);
  c.cellVoteOfficial = 12;
  c.cellVoteInFavour = 11;
  c.residence = "Bản Nà Ớt";
  fx.insert(c);
  CHECK_THROWS_AS(services::admissionDecisionReport(*fx.s, Actor::localOffice(), "QC1"), core::DataError);
  c.committeeResolutionOn = d(2025, 10, 2);
  c.committeeResolutionNo = "15-NQ/ĐU";
  c.decisionOn = d(2025, 10, 20);
  c.decisionNo = "88-QĐ/ĐU";
  auto c2 = c;
  c2.code = "QC2";
  fx.insert(c2);
  const auto rep = services::admissionDecisionReport(*fx.s, Actor::localOffice(), "QC2");
  std::string all;
  for (const auto& p : rep.sections.front().paragraphs) all += p + "\n";
  CHECK(all.find("88-QĐ/ĐU") != std::string::npos);
  CHECK(all.find("20/10/2025") != std::string::npos);
  CHECK(all.find("15-NQ/ĐU") != std::string::npos);
  CHECK(all.find("02/10/2025") != std::string::npos);
  CHECK(all.find("11") != std::string::npos);
  CHECK(all.find("12") != std::string::npos);
  CHECK(all.find("Lò Thị QC1") != std::string::npos);  // QC2 is a copy of QC1's file
  CHECK(all.find("03/02/2000") != std::string::npos);
  CHECK(all.find("Bản Nà Ớt") != std::string::npos);
  CHECK_THROWS(services::admissionDecisionReport(*fx.s, {"bt", "secretary", fx.cell + 100}, "QC2"));
}

// The work list for CSDL đảng viên 3.0 (issue 19): the dated events and the details changed in a period.
#include <doctest/doctest.h>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "services/NationalDatabase.h"
#include "services/Register.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

TEST_CASE("changes since a day: the period's events and the details changed, nothing earlier") {
  test::admission::OneCell fx;
  const Actor office = Actor::localOffice();
  fx.member("DV01", d(2010, 1, 10), d(2010, 1, 20), d(2011, 1, 10), *core::PartialDate::make(1980, 1, 1));
  fx.member("DV02", d(2012, 1, 10), d(2012, 1, 20), d(2013, 1, 10), *core::PartialDate::make(1982, 1, 1));
  services::recordAction(*fx.s, office, "DV02",
                         {"transfer_out", d(2025, 3, 1), "", "Đảng bộ xã Mường Bon", "7-QĐ", ""});
  core::Member m = services::memberFile(*fx.s, office, "DV01").member;
  m.residence = "Bản Mới";
  services::updateMember(*fx.s, office, m, "");
  const auto today = core::Date::today();
  const auto rep = services::changesReport(*fx.s, office, d(2025, 1, 1), today);
  const auto* t = rep.table("changes");
  REQUIRE(t);
  REQUIRE(t->rows.size() == 2);  // the admissions and recognitions of 2010-2013 are before the day
  CHECK(t->rows[0].key == "DV02");
  CHECK(t->rows[0].cells[0].text == "01/03/2025");
  CHECK(t->rows[0].cells[5].text.find("Mường Bon") != std::string::npos);
  CHECK(t->rows[1].key == "DV01");
  CHECK(t->rows[1].cells[5].text.find("Bản Mới") != std::string::npos);
  // 2010 holds DV01's admission only (recognized in 2011); a secretary may not read the list (the audit's
  // values).
  CHECK(
      services::changesReport(*fx.s, office, d(2010, 1, 1), d(2010, 12, 31)).table("changes")->rows.size() ==
      1);
  CHECK_THROWS_AS(services::changesReport(*fx.s, {"bt", "secretary", fx.cell}, d(2025, 1, 1), today),
                  core::PermissionError);
}

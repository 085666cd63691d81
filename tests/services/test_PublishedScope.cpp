// Issue 15: a published report is read only by accounts that may read everything it holds.
#include <doctest/doctest.h>

#include <algorithm>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/Publishing.h"
#include "services/Register.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {
bool listed(services::Services& s, const Actor& a, core::Id id) {
  const auto list = services::publishedReports(s, a);
  return std::any_of(list.begin(), list.end(), [&](const services::Published& p) { return p.id == id; });
}
bool readable(services::Services& s, const Actor& a, core::Id id) {
  try {
    return services::publishedReport(s, a, id).id == id;
  } catch (const core::PermissionError&) {
    return false;
  }
}
}  // namespace

TEST_CASE("a secretary reprints only reports of their own cell, the commune's accounts read them all") {
  TempDir dir;
  auto s = services::Services::create(dir / "p.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  core::Organization o;
  o.kind = "truc_thuoc";
  o.category = "ban";
  o.code = "CB01";
  o.name = "Chi bộ bản Một";
  const core::Id cell1 = services::addOrganization(*s, Actor::localOffice(), o);
  o.code = "CB02";
  o.name = "Chi bộ bản Hai";
  const core::Id cell2 = services::addOrganization(*s, Actor::localOffice(), o);
  const Actor office{"vanphong", "office", std::nullopt}, leader{"lanhdao", "leadership", std::nullopt};
  const Actor sec1{"bithu1", "secretary", cell1}, sec2{"bithu2", "secretary", cell2};
  const Actor inspection{"kiemtra", "inspection", std::nullopt};

  const core::Id whole = services::publishReport(*s, office, "members", "Cơ cấu", "from=2026-01-01", "model");
  const core::Id own =
      services::publishReport(*s, sec1, "members", "Cơ cấu chi bộ", "from=2026-01-01", "model");
  const core::Id cases =
      services::publishReport(*s, inspection, "discipline", "Kỷ luật", "from=2026-01-01", "model");

  // The whole commune's report (every cell's members with their CCCD): not for a cell secretary.
  CHECK_FALSE(readable(*s, sec1, whole));
  CHECK_FALSE(listed(*s, sec1, whole));
  CHECK(readable(*s, office, whole));
  CHECK(readable(*s, leader, whole));
  // A cell's report: its secretary and the commune's accounts, never another cell's secretary.
  CHECK(readable(*s, sec1, own));
  CHECK(listed(*s, sec1, own));
  CHECK(readable(*s, office, own));
  CHECK_FALSE(readable(*s, sec2, own));
  CHECK_FALSE(listed(*s, sec2, own));
  // Made by the inspection committee (it may hold case files): only a role that reads case files.
  CHECK(readable(*s, inspection, cases));
  CHECK_FALSE(readable(*s, office, cases));
  CHECK_FALSE(listed(*s, leader, cases));
  CHECK_THROWS_WITH_AS(services::publishedReport(*s, sec1, whole), doctest::Contains("bithu1"),
                       core::PermissionError);
}

// The rating rule on sub-units (domain.md "Annual rating"): an organization with more than
// rating.org_disciplined_subunits_percent (20% today) of its sub-units disciplined in the year is "not
// complete", checked while the office rates the cells and before the lock; and the parent link it reads.
#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::RatingInput;
using services::RatingStage;

namespace {

const services::Actor kOffice = services::Actor::localOffice();

// A partial party committee DBBP (id 10) with five cells CB11..CB15 (ids 11..15) under it, and a plain cell
// CB20 (id 20) directly under the commune committee.
struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  Fixture() {
    s = services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
    exec(
        "INSERT INTO organizations (id, code, name, kind, category) VALUES (10, 'DBBP', 'Đảng bộ bộ phận "
        "khối "
        "trường học', 'co_so', 'truong'), (20, 'CB20', 'Chi bộ bản C', 'truc_thuoc', 'ban')");
    for (int i = 11; i <= 15; ++i)
      exec("INSERT INTO organizations (id, code, name, kind, category, parent_id) VALUES (" +
           std::to_string(i) + ", 'CB" + std::to_string(i) + "', 'Chi bộ trường " + std::to_string(i) +
           "', 'truc_thuoc', 'truong', 10)");
  }
  void exec(const std::string& sql) { services::storeOf(*s).db().exec(sql); }
  void discipline(int org, const std::string& number, const std::string& date, const std::string& form) {
    exec("INSERT INTO disciplines (number, date, subject_type, subject_id, form) VALUES ('" + number +
         "', '" + date + "', 'to_chuc', " + std::to_string(org) + ", '" + form + "')");
  }
  std::vector<services::CheckFinding> rate(const std::string& code, const std::string& level) {
    return services::rateOrganizations(
        *s, kOffice, 2025, {RatingInput{code, RatingStage::Decision, level, std::nullopt, std::nullopt}});
  }
  services::OrgRatingRow sheetRow(const std::string& code) {
    for (auto& r : services::organizationSheet(*s, kOffice, 2025))
      if (r.code == code) return r;
    FAIL("no row " << code);
    return {};
  }
};

}  // namespace

TEST_CASE("rating sub-units: a parent with 2 of its 5 sub-units disciplined in the year is not complete") {
  Fixture f;
  f.discipline(11, "3-QĐ/UBKT", "2025-04-02", "khien_trach");
  // Dissolved as a sanction during the year: it still counts among the sub-units, disciplined.
  f.discipline(15, "9-QĐ/ĐU", "2025-08-20", "giai_tan");
  f.exec("UPDATE organizations SET ceased = '2025-09-01' WHERE id = 15");
  f.discipline(12, "1-QĐ/UBKT", "2024-11-05", "canh_cao");  // the year before: not counted
  services::openRatingRound(*f.s, kOffice, 2025, *core::Date::make(2025, 12, 10));

  CHECK(f.sheetRow("DBBP").mustBeNotComplete.size() == 1);
  CHECK(f.sheetRow("CB20").mustBeNotComplete.empty());
  CHECK(f.sheetRow("CB13").mustBeNotComplete.empty());

  // Entering: the office is warned at once.
  auto warn = f.rate("DBBP", "HTTNV");
  REQUIRE(warn.size() == 1);
  CHECK(warn[0].rule == "rating_disciplined");
  CHECK(warn[0].subject == "DBBP");
  CHECK(warn[0].year == 2025);
  CHECK(f.rate("CB20", "HTTNV").empty());

  // Locking: blocked by that finding alone.
  auto lock = services::lockRatingRound(*f.s, kOffice, 2025);
  CHECK_FALSE(lock.locked);
  REQUIRE(lock.violations.size() == 1);
  CHECK(lock.violations[0].rule == "rating_disciplined");
  CHECK(lock.violations[0].subject == "DBBP");

  // Rated "not complete", the round locks.
  CHECK(f.rate("DBBP", "KHTNV").empty());
  CHECK(services::ratingFindings(*f.s, kOffice, 2025).empty());
  CHECK(services::lockRatingRound(*f.s, kOffice, 2025).locked);
}

TEST_CASE(
    "rating sub-units: with 1 of 5 disciplined the parent may be rated good, the share is a dated rule") {
  Fixture f;
  f.discipline(11, "3-QĐ/UBKT", "2025-04-02", "khien_trach");
  f.discipline(12, "1-QĐ/UBKT", "2024-11-05", "canh_cao");
  services::openRatingRound(*f.s, kOffice, 2025, *core::Date::make(2025, 12, 10));
  CHECK(f.sheetRow("DBBP").mustBeNotComplete.empty());
  CHECK(f.rate("DBBP", "HTTNV").empty());
  CHECK(services::ratingFindings(*f.s, kOffice, 2025).empty());

  // A stricter share from 2025 on (10%): 1 of 5 is now too many, while entering and at the lock.
  f.s->addRuleValue(kOffice, {"rating.org_disciplined_subunits_percent", *core::Date::make(2025, 1, 1), "10",
                              "Hướng dẫn thử", ""});
  auto warn = f.rate("DBBP", "HTTNV");
  REQUIRE(warn.size() == 1);
  CHECK(warn[0].subject == "DBBP");
  CHECK_FALSE(services::lockRatingRound(*f.s, kOffice, 2025).locked);
  // The office records the exception: then the lock goes through.
  CHECK(services::rateOrganizations(*f.s, kOffice, 2025,
                                    {RatingInput{"DBBP", RatingStage::Decision, "HTTNV", std::nullopt,
                                                 "Chi bộ bị kỷ luật đã khắc phục"}})
            .empty());
  CHECK(services::lockRatingRound(*f.s, kOffice, 2025).locked);
}

TEST_CASE("organization parent: stored with the organization, never itself or one of its own sub-units") {
  Fixture f;
  core::Organization group;
  group.code = "TD01";
  group.name = "Tổ đảng thôn 1";
  group.kind = "truc_thuoc";
  group.category = "ban";
  group.parent = 20;
  const core::Id id = services::addOrganization(*f.s, kOffice, group);
  auto byCode = [&](const std::string& code) {
    for (const auto& o : f.s->organizations(kOffice))
      if (o.code == code) return o;
    FAIL("no organization " << code);
    return core::Organization{};
  };
  CHECK(byCode("TD01").id == id);
  CHECK(byCode("TD01").parent == core::Id(20));
  CHECK(byCode("CB20").parent == std::nullopt);

  core::Organization cell = byCode("CB20");
  cell.parent = cell.id;  // itself
  CHECK_THROWS_AS(services::updateOrganization(*f.s, kOffice, cell), core::DataError);
  cell.parent = id;  // its own party group
  CHECK_THROWS_AS(services::updateOrganization(*f.s, kOffice, cell), core::DataError);
  cell.parent = 999;  // none such
  CHECK_THROWS_AS(services::updateOrganization(*f.s, kOffice, cell), core::DataError);
  CHECK(byCode("CB20").parent == std::nullopt);

  cell.parent = 10;
  services::updateOrganization(*f.s, kOffice, cell);
  CHECK(byCode("CB20").parent == core::Id(10));
  core::Organization moved = byCode("TD01");
  moved.parent.reset();
  services::updateOrganization(*f.s, kOffice, moved);
  CHECK(byCode("TD01").parent == std::nullopt);
}

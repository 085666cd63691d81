// Each domain rule has one definition: the congress report, the summary (the overview's figures) and each
// report give the same figures for the same period and day, on the demo commune and on a random register.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>

#include "../TestUtil.h"
#include "services/CongressReport.h"
#include "services/DemoGenerator.h"
#include "services/Reports.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();

core::Date d(int y, int m, int day) {
  return *core::Date::make(y, m, day);
}

// The Count of column `col` (1: the first figure) of row `row` of table `table`; -1 when absent.
int64_t figure(const services::ReportModel& m, const std::string& table, const std::string& row,
               size_t col = 1) {
  const services::ReportTable* t = m.table(table);
  if (!t) return -1;
  for (const auto& r : t->rows)
    if (r.key == row && col < r.cells.size() && r.cells[col].value) return *r.cells[col].value;
  return -1;
}

void sameFigures(services::Services& s, const core::Date& from, const core::Date& to) {
  CAPTURE(from.iso());
  CAPTURE(to.iso());
  const auto f = services::congressFigures(s, kOffice, from, to, to);
  // The summary of the overview and `summary` on the last day.
  const auto sum = s.summary(to);
  CHECK(sum.organizations == f.organizations.total);
  CHECK(sum.grassroots == f.organizations.grassroots);
  CHECK(sum.subordinate == f.organizations.subordinate);
  CHECK(sum.members == f.members.total);
  CHECK(sum.official == f.members.official);
  CHECK(sum.probationary == f.members.probationary);
  CHECK(sum.exempt == f.members.exempt);
  CHECK(sum.women == f.members.women);
  // The members and organizations reports on that day.
  const auto members = services::membersReport(s, kOffice, to);
  CHECK(figure(members, "standing", "total") == f.members.total);
  CHECK(figure(members, "standing", "official") == f.members.official);
  CHECK(figure(members, "standing", "exempt") == f.members.exempt);
  const auto orgs = services::organizationsReport(s, kOffice, to);
  CHECK(figure(orgs, "by_category", "total", 1) == f.organizations.grassroots);
  CHECK(figure(orgs, "by_category", "total", 2) == f.organizations.subordinate);
  CHECK(figure(orgs, "by_category", "total", 3) == f.organizations.total);
  // Admissions over the period, year by year and in all.
  const auto adm = services::admissionsReport(s, kOffice, from, to, to);
  CHECK(figure(adm, "by_year", "total") == f.admissions.total);
  for (const auto& [year, n] : f.admissions.byYear) CHECK(figure(adm, "by_year", std::to_string(year)) == n);
  // Ratings of each year.
  const auto ratings = services::ratingsReport(s, kOffice, from, to);
  for (const auto& y : f.ratings) {
    CHECK(figure(ratings, "by_year", std::to_string(y.year) + ":members", 5) == y.members.rated);
    CHECK(figure(ratings, "by_year", std::to_string(y.year) + ":organizations", 5) == y.organizations.rated);
    CHECK(figure(ratings, "by_year", std::to_string(y.year) + ":members", 1) == y.members.htxsnv);
  }
}

}  // namespace

TEST_CASE("same figures: the demo commune, the congress period and the current one") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path());
  sameFigures(*s, d(2020, 8, 1), d(2025, 7, 31));
  sameFigures(*s, d(2025, 8, 1), d(2026, 11, 29));
  // The admissions report counts the period's days only (not from 1 January of its first year).
  const auto f = services::congressFigures(*s, kOffice, d(2020, 8, 1), d(2025, 7, 31), d(2025, 7, 31));
  const auto whole = services::congressFigures(*s, kOffice, d(2020, 1, 1), d(2025, 12, 31), d(2025, 12, 31));
  CHECK(f.admissions.total < whole.admissions.total);
}

TEST_CASE("same figures: a random register, exempt and departed members without the day their status began") {
  for (uint64_t seed : {7u, 11u}) {
    CAPTURE(seed);
    TempDir dir;
    services::DemoOptions o;
    o.seed = seed;
    o.villageCells = 6;
    o.schoolCells = 2;
    o.members = 300;
    o.historyYears = 6;
    o.today = d(2026, 11, 29);
    services::Services::createDemo(dir / "r.db", o);
    auto s = services::Services::open(dir / "r.db");
    // Files kept before the status day was required: every other exempt or departed member lacks it.
    services::storeOf(*s).db().exec(
        "UPDATE members SET status_since = NULL WHERE status <> 'active' AND id % 2 = 0");
    SQLite::Statement q(services::storeOf(*s).db(),
                        "SELECT count(*) FROM members WHERE status = 'exempt' AND status_since IS NULL");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() > 0);
    sameFigures(*s, d(2021, 3, 15), d(2024, 10, 20));
    sameFigures(*s, d(2020, 8, 1), d(2025, 7, 31));
    sameFigures(*s, d(2026, 1, 1), d(2026, 11, 29));
  }
}

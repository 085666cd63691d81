#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "../cli/CliRun.h"
#include "reports/ReportPeriod.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
core::Date day(int y, int m, int d) {
  return *core::Date::make(y, m, d);
}
}  // namespace

TEST_CASE("report period: the congress report covers the current term by default, the others this year") {
  TempDir dir;
  auto s = services::Services::create(dir / "p.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  // No targets yet: no term is known, this year.
  CHECK(reports::defaultPeriodStart(*s, "congress", day(2026, 12, 4)) == day(2026, 1, 1));
  const auto office = services::Actor::localOffice();
  s->saveTarget(office, {"ket_nap_nam", 2020, 2025, 25});
  s->saveTarget(office, {"ket_nap_nam", 2025, 2030, 30});
  // Not 01/01/2026-04/12/2026: the term 2025-2030 from its first year.
  CHECK(reports::defaultPeriodStart(*s, "congress", day(2026, 12, 4)) == day(2025, 1, 1));
  // The year two terms meet: the later one.
  CHECK(reports::defaultPeriodStart(*s, "congress", day(2025, 3, 1)) == day(2025, 1, 1));
  CHECK(reports::defaultPeriodStart(*s, "congress", day(2023, 3, 1)) == day(2020, 1, 1));
  // Past every term: this year.
  CHECK(reports::defaultPeriodStart(*s, "congress", day(2031, 3, 1)) == day(2031, 1, 1));
  for (const char* other : {"members", "admissions", "ratings", "discipline"})
    CHECK(reports::defaultPeriodStart(*s, other, day(2026, 12, 4)) == day(2026, 1, 1));
}

TEST_CASE("cli report congress without --from covers the term that holds its last day") {
  TempDir dir;
  const std::string db = (dir / "d.db").string();
  REQUIRE(test::runCli({"--db", db, "init", "--committee", "Đảng bộ xã Thử"}).code == 0);
  REQUIRE(test::runCli({"--db", db, "record", "add", "target", "ket_nap_nam/2020-2025", "value=25"}).code ==
          0);
  auto r = test::runCli({"--db", db, "report", "congress", "--to", "2023-06-30", "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\"from\": \"2020-01-01\"") != std::string::npos);
  // --from still wins.
  r = test::runCli(
      {"--db", db, "report", "congress", "--from", "2022-01-01", "--to", "2023-06-30", "--format", "json"});
  CHECK(r.out.find("\"from\": \"2022-01-01\"") != std::string::npos);
}

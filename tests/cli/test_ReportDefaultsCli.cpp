// `report` without dates: sensible defaults, every format of --help accepted by every report.
#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "CliRun.h"

using namespace dangbo;
using dangbo::test::runCli;
using dangbo::test::TempDir;

TEST_CASE("cli report: ratings without dates is the last rated year, congress and every report take csv") {
  TempDir dir;
  const std::string db = (dir / "d.db").string();
  // The demo's last rated year is the one before its day.
  REQUIRE(runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"}).code == 0);
  auto r = runCli({"--db", db, "report", "ratings", "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\"from\": 2025,\n  \"to\": 2025,") != std::string::npos);
  CHECK(r.out.find("\"2025\": {") != std::string::npos);
  // Explicit dates still win.
  auto older = runCli(
      {"--db", db, "report", "ratings", "--from", "2023-01-01", "--to", "2023-12-31", "--format", "json"});
  CHECK(older.out.find("\"from\": 2023,") != std::string::npos);
  for (const char* name : {"congress", "organizations", "members", "admissions", "ratings", "discipline",
                           "committee", "register", "badges", "deadlines"}) {
    CAPTURE(name);
    auto c = runCli({"--db", db, "report", name, "--format", "csv"});
    CHECK(c.code == 0);
    CHECK(c.out.rfind("\xEF\xBB\xBF", 0) == 0);
  }
}

TEST_CASE("cli report: ratings of a register never rated says so") {
  TempDir dir;
  const std::string db = (dir / "e.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Thử", "--province", "Sơn La"}).code == 0);
  auto r = runCli({"--db", db, "report", "ratings", "--format", "json"});
  CHECK(r.code == 0);
  CHECK_FALSE(r.err.empty());
}

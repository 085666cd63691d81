// `dangbo-cli record ... interruption|badge|badge_request` and `report badges --round` (issue 19): the same
// service calls as the window, the same refusals (a secretary, a hostile value), an audit row each.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "../TestUtil.h"
#include "CliRun.h"
#include "services/DemoGenerator.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::runCli;
using dangbo::test::runCliWithInput;
using dangbo::test::TempDir;

namespace {
std::string value(const std::string& db, const std::string& sql) {
  SQLite::Database d(db);
  SQLite::Statement q(d, sql);
  if (!q.executeStep()) return "<none>";
  return q.getColumn(0).isNull() ? std::string("NULL") : q.getColumn(0).getString();
}
}  // namespace

TEST_CASE("cli record: interruptions and badges through the service, refused for a secretary") {
  TempDir dir;
  const std::string db = (dir / "r.db").string();
  services::DemoOptions o;
  o.seed = 7;
  o.villageCells = 2;
  o.schoolCells = 1;
  o.members = 40;
  o.historyYears = 2;
  o.today = *core::Date::make(2026, 11, 29);
  services::Services::createDemo(db, o);
  // The member admitted first: a long party age.
  const std::string code =
      value(db, "SELECT code FROM members WHERE status = 'active' ORDER BY admitted_on LIMIT 1");
  const std::string admitted = value(db, "SELECT admitted_on FROM members WHERE code = '" + code + "'");
  const int year = std::stoi(admitted.substr(0, 4));

  auto r = runCli({"--db", db, "record", "show", "interruption"});
  CHECK(r.code == 0);
  CHECK(r.out.find("first_admitted_on") != std::string::npos);
  const std::string from = std::to_string(year + 2) + "-01-01", to = std::to_string(year + 2) + "-03-01";
  r = runCli(
      {"--db", db, "record", "add", "interruption", code, "kind=transfer_gap", "from=" + from, "to=" + to});
  CHECK_MESSAGE(r.code == 0, r.err);
  r = runCli({"--db", db, "record", "show", "interruption", code});
  CHECK(r.out.find("kind=transfer_gap\tfrom=" + from + "\tto=" + to) != std::string::npos);
  CHECK(value(db, "SELECT action || ' ' || record FROM audit_log ORDER BY id DESC LIMIT 1") ==
        "member.interruption_add member:" + code);
  // Refused: an overlap, a bad date, an unknown field, a control character; nothing written.
  CHECK(runCli({"--db", db, "record", "add", "interruption", code, "kind=other", "from=" + from}).code == 1);
  CHECK(runCli({"--db", db, "record", "add", "interruption", code, "kind=other", "from=31/02/2001"}).code ==
        1);
  CHECK(runCli({"--db", db, "record", "add", "interruption", code, "kind=other", "since=2001-01-01"}).code ==
        2);
  CHECK(runCli({"--db", db, "record", "add", "interruption", code, "kind=other",
                "from=" + std::to_string(year + 5) + "-01-01", "to=" + std::to_string(year + 5) + "-02-01",
                "note=x\x07y"})
            .code == 1);
  CHECK(value(db, "SELECT count(*) FROM party_interruptions") == "1");
  // Only the office: a secretary of the member's own cell is refused too.
  const std::string cell =
      value(db, "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.code = '" +
                    code + "'");
  REQUIRE(runCliWithInput({"--db", db, "user", "add", "quantri", "--role", "admin", "--password-fd", "FD"},
                          "mat-khau-quan-tri\n")
              .code == 0);
  REQUIRE(runCliWithInput({"--db", db, "--user", "quantri", "--password-fd", "FD", "user", "add", "bithu",
                           "--role", "secretary", "--cell", cell},
                          "mat-khau-quan-tri\nmat-khau-bi-thu\n")
              .code == 0);
  r = runCliWithInput({"--db", db, "--user", "bithu", "--password-fd", "FD", "record", "add", "badge", code,
                       "milestone=30", "decision_no=1-QĐ/TU", "decision_on=2026-11-07"},
                      "mat-khau-bi-thu\n");
  CHECK(r.code == 1);
  CHECK(value(db, "SELECT count(*) FROM badge_awards") == "0");
  // The office records it; the register's proposals for the next round no longer list the 30 years.
  r = runCliWithInput({"--db", db, "--user", "quantri", "--password-fd", "FD", "record", "add", "badge", code,
                       "milestone=30", "decision_no=1-QĐ/TU", "decision_on=2026-11-07", "badge_no=HH-1"},
                      "mat-khau-quan-tri\n");
  CHECK_MESSAGE((r.code == 0) == (year + 30 <= 2026), r.err);
  r = runCliWithInput({"--db", db, "--user", "quantri", "--password-fd", "FD", "report", "badges", "--round",
                       "2026-11-07", "--format", "csv"},
                      "mat-khau-quan-tri\n");
  CHECK(r.code == 0);
  CHECK(r.out.find("Huy hiệu (năm)") != std::string::npos);
}

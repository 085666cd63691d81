// `dangbo-cli record`: a member through the window's own door, with the same stored value, the same refusal
// and the same audit row as the service call behind the dialog.
#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "CliRun.h"
#include "core/Errors.h"
#include "core/MemberFields.h"
#include "services/Register.h"
#include "services/Services.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::runCli;
using dangbo::test::runCliWithInput;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();

std::string value(const std::string& db, const std::string& sql) {
  return test::sqlValue(db, sql);
}

// Two identical small registers: one written through the CLI, its twin through the service call of the
// dialog.
struct Twins {
  TempDir dir;
  std::string cli = (dir / "cli.db").string(), window = (dir / "window.db").string();
  std::string code, cell;
  Twins() {
    for (const auto& path : {cli, window}) test::createSmallRegister(path, 5);
    code = value(cli, "SELECT code FROM members WHERE status = 'active' ORDER BY code LIMIT 1");
    cell =
        value(cli, "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.code = '" +
                       code + "'");
  }
  std::string member(const std::string& db, const std::string& column) {
    return value(db, "SELECT " + column + " FROM members WHERE code = '" + code + "'");
  }
  std::string lastAudit(const std::string& db) { return test::lastAudit(db); }
};

}  // namespace

TEST_CASE("cli record: show lists the fields and a member's values") {
  Twins t;
  auto fields = runCli({"record", "show", "member"});
  REQUIRE(fields.code == 0);
  for (const auto& f : core::memberFields())
    CHECK(fields.out.find(std::string(f.name) + "\t") != std::string::npos);
  auto shown = runCli({"--db", t.cli, "record", "show", "member", t.code});
  REQUIRE(shown.code == 0);
  CHECK(shown.out.find("full_name=" + t.member(t.cli, "full_name") + "\n") != std::string::npos);
  CHECK(shown.out.find("cell=" + t.cell + "\n") != std::string::npos);
  CHECK(runCli({"--db", t.cli, "record", "show", "member", "KHONGCO"}).code == 1);
  CHECK(runCli({"--db", t.cli, "record", "show", "vessel"}).code == 2);
}

TEST_CASE("cli record: set writes what the dialog writes, with the same audit row") {
  Twins t;
  auto r = runCli({"--db", t.cli, "record", "set", "member", t.code, "occupation=Trưởng bản",
                   "phone=0912 345 678", "birth_date=3/1970"});
  REQUIRE(r.code == 0);
  {
    auto s = services::Services::open(t.window);
    core::Member m = services::memberFile(*s, kOffice, t.code).member;
    m.occupation = "Trưởng bản";
    m.phone = "0912 345 678";
    m.birthDate = core::PartialDate::parse("03/1970");
    services::updateMember(*s, kOffice, m, "");
  }
  for (const char* c : {"occupation", "phone", "birth_date"})
    CHECK(t.member(t.cli, c) == t.member(t.window, c));
  CHECK(t.member(t.cli, "birth_date") == "1970-03");
  CHECK(t.lastAudit(t.cli) == t.lastAudit(t.window));
  CHECK(t.lastAudit(t.cli).find("member.update|member:" + t.code) != std::string::npos);
}

TEST_CASE("cli record: the same refusals as the dialog, nothing written") {
  Twins t;
  const std::string before = t.lastAudit(t.cli) + t.member(t.cli, "birth_date") + t.member(t.cli, "status");
  // Born in the future: the dialog's words.
  auto future = runCli({"--db", t.cli, "record", "set", "member", t.code, "birth_date=2030"});
  CHECK(future.code == 1);
  {
    auto s = services::Services::open(t.window);
    core::Member m = services::memberFile(*s, kOffice, t.code).member;
    m.birthDate = core::PartialDate::parse("2030");
    const auto dialog = services::validateMember(*s, m, false);
    REQUIRE_FALSE(dialog.empty());
    CHECK(future.err.find(dialog.front()) != std::string::npos);
    CHECK_THROWS_AS(services::updateMember(*s, kOffice, m, ""), core::DataError);
  }
  // A status, a cell or a code changes only through a dated action; a bad date or an unknown value is named.
  CHECK(runCli({"--db", t.cli, "record", "set", "member", t.code, "status=deceased"}).code == 1);
  CHECK(runCli({"--db", t.cli, "record", "set", "member", t.code, "admitted_on=2099-13-45"}).code == 1);
  CHECK(runCli({"--db", t.cli, "record", "set", "member", t.code, "gender=x"}).code == 1);
  CHECK(runCli({"--db", t.cli, "record", "set", "member", t.code, "colour=red"}).code == 2);
  CHECK(runCli({"--db", t.cli, "record", "delete", "member", t.code}).code == 1);
  CHECK(t.lastAudit(t.cli) + t.member(t.cli, "birth_date") + t.member(t.cli, "status") == before);
}

TEST_CASE("cli record: add goes through the dialog's door, a secretary writes only their own cell") {
  setenv("DANGBO_FAST_HASH", "1", 1);
  Twins t;
  auto added = runCli({"--db", t.cli, "record", "add", "member", "DV9001", "cell=" + t.cell,
                       "full_name=Lò Thị Mai", "gender=Nữ", "birth_date=1990", "ethnicity=03",
                       "admitted_on=2024-05-19", "--decision", "12-QĐ/ĐU"});
  REQUIRE(added.code == 0);
  CHECK(value(t.cli,
              "SELECT full_name || '|' || gender || '|' || admitted_on FROM members WHERE code = 'DV9001'") ==
        "Lò Thị Mai|nu|2024-05-19");
  CHECK(value(t.cli,
              "SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id WHERE m.code = "
              "'DV9001' AND e.kind = 'admitted' AND e.decision_no = '12-QĐ/ĐU'") == "1");
  // Admitted at the age of five: refused.
  CHECK(runCli({"--db", t.cli, "record", "add", "member", "DV9002", "cell=" + t.cell, "full_name=Lò Văn Em",
                "gender=nam", "birth_date=2019", "ethnicity=03", "admitted_on=2024-05-19"})
            .code == 1);
  CHECK(value(t.cli, "SELECT count(*) FROM members WHERE code = 'DV9002'") == "0");

  // Accounts: the secretary of another cell may not change this member.
  const std::string other = value(t.cli, "SELECT code FROM organizations WHERE code <> '" + t.cell +
                                             "' AND kind IS NOT NULL ORDER BY code "
                                             "LIMIT 1");
  REQUIRE(runCliWithInput({"--db", t.cli, "user", "add", "quantri", "--role", "admin", "--password-fd", "FD"},
                          "mat-khau-quan-tri\n")
              .code == 0);
  REQUIRE(runCliWithInput({"--db", t.cli, "--user", "quantri", "--password-fd", "FD", "user", "add", "bithu",
                           "--role", "secretary", "--cell", other},
                          "mat-khau-quan-tri\nmat-khau-bi-thu\n")
              .code == 0);
  auto refused = runCliWithInput({"--db", t.cli, "--user", "bithu", "--password-fd", "FD", "record", "set",
                                  "member", t.code, "occupation=Khác"},
                                 "mat-khau-bi-thu\n");
  CHECK(refused.code == 1);
  CHECK(t.member(t.cli, "occupation") != "Khác");
}

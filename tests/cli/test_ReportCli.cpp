// `report NAME` for every name and format, publishing, reprinting and comparing from the command line.
#include <doctest/doctest.h>

#include <sstream>

#include "../reports/ReportFixture.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "services/Register.h"

using namespace dangbo;
using test::TempDir;

namespace {
using Result = test::CliResult;
using test::runCli;
}  // namespace

TEST_CASE("report NAME prints every report in every format") {
  TempDir dir;
  test::importedRegister(dir);
  const std::string db = (dir / "r.db").string();
  const std::vector<std::string> period = {"--from",     "2020-01-01", "--to",
                                           "2024-12-31", "--as-of",    "2024-12-31"};
  for (const char* name : {"congress", "organizations", "members", "admissions", "ratings", "discipline",
                           "committee", "register", "badges", "deadlines"}) {
    CAPTURE(name);
    auto args = [&](std::vector<std::string> more) {
      std::vector<std::string> a = {"--db", db, "report", name};
      a.insert(a.end(), period.begin(), period.end());
      a.insert(a.end(), more.begin(), more.end());
      return a;
    };
    auto h = runCli(args({}));  // html by default, to standard output
    CHECK(h.code == 0);
    CHECK(h.out.find("<html lang=\"vi\">") != std::string::npos);
    auto j = runCli(args({"--format", "json"}));
    CHECK(j.code == 0);
    CHECK((j.out.front() == '{' || j.out.front() == '['));
    if (std::string(name) != "congress") {
      auto c = runCli(args({"--format", "csv"}));
      CHECK(c.code == 0);
      CHECK(c.out.find(',') != std::string::npos);
      // Headed for a person opening it in Excel: Vietnamese column names, not the JSON keys.
      const std::string head = c.out.substr(0, c.out.find('\n'));
      CAPTURE(head);
      CHECK(head.find('_') == std::string::npos);
    }
    auto p = runCli(args({"--format", "pdf"}));
    CHECK(p.code == 0);
    CHECK(p.out.rfind("%PDF", 0) == 0);
    for (const char* fmt : {"docx", "xlsx"}) {
      CHECK(runCli(args({"--format", fmt})).code == 2);  // needs --out
      const auto file = dir / (std::string(name) + "." + fmt);
      CHECK(runCli(args({"--format", fmt, "--out", file.string()})).code == 0);
      CHECK(std::filesystem::file_size(file) > 1000);
    }
  }
  // The members figures in JSON: the hand counts of the fixture.
  auto j = runCli({"--db", db, "report", "members", "--as-of", "2024-12-31", "--format", "json"});
  CHECK(j.out.find("\"key\": \"probationary\",\n          \"role\": \"body\",\n          \"cells\": [\n"
                   "            \"Đảng viên dự bị\",\n            1,") != std::string::npos);
}

TEST_CASE("report --publish, report published, report --id and report --compare") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  const std::string db = (dir / "r.db").string();
  const std::vector<std::string> make = {"--db", db, "report", "members", "--as-of", "2024-12-31"};
  auto before = runCli(make);
  auto args = make;
  args.push_back("--publish");
  auto pub = runCli(args);
  CHECK(pub.code == 0);
  CHECK(pub.out == before.out);
  CHECK(pub.err.find("1") != std::string::npos);
  auto list = runCli({"--db", db, "report", "published", "--format", "json"});
  CHECK(list.code == 0);
  CHECK(list.out.find("\"name\": \"members\"") != std::string::npos);
  CHECK(list.out.find("\"options\": \"from=") != std::string::npos);

  services::MemberAction death;
  death.kind = "deceased";
  death.date = *core::Date::make(2024, 12, 1);
  services::recordAction(*s, services::Actor::localOffice(), "DV004", death);

  auto again = runCli({"--db", db, "report", "--id", "1"});
  CHECK(again.code == 0);
  // Exactly as published, with the mark of a published copy on its last line.
  const size_t mark = again.out.find("Bản đã công bố số 1, ngày ");
  REQUIRE(mark != std::string::npos);
  std::string unmarked = again.out;
  const size_t lineStart = unmarked.rfind('\n', mark) + 1;
  unmarked.erase(lineStart, unmarked.find('\n', mark) + 1 - lineStart);
  CHECK(unmarked == before.out);
  CHECK(runCli(make).out != before.out);
  auto cmp = runCli({"--db", db, "report", "--compare", "1"});
  CHECK(cmp.code == 0);
  CHECK(cmp.out.find("5 -> 4") != std::string::npos);
  auto pdf = runCli({"--db", db, "report", "--id", "1", "--format", "pdf"});
  CHECK(pdf.out.rfind("%PDF", 0) == 0);
  CHECK(runCli({"--db", db, "report", "--id", "7"}).code == 1);
  CHECK(runCli({"--db", db, "report", "--id", "x"}).code == 2);
}

TEST_CASE(
    "report --list gives each paper the formats it is made in; a CSV of a paper without tables is refused") {
  TempDir dir;
  const std::string db = (dir / "d.db").string();
  REQUIRE(runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"}).code == 0);
  const auto list = runCli({"--db", db, "report", "--list"});
  REQUIRE(list.code == 0);
  CHECK(list.out.find("congress\thtml json csv pdf docx xlsx\n") != std::string::npos);
  CHECK(list.out.find("party-card MEMBER\thtml json csv pdf docx xlsx\n") != std::string::npos);
  CHECK(list.out.find("transfer-letter TRANSFERRED\thtml json pdf docx xlsx\n") != std::string::npos);
  CHECK(list.out.find("admission-decision CANDIDATE\thtml json pdf docx xlsx\n") != std::string::npos);
  // A candidate with the committee's resolution, waiting for the ceremony: the admission decision is made.
  const auto deadlines =
      runCli({"--db", db, "report", "deadlines", "--as-of", "2026-11-29", "--format", "json"});
  const size_t at = deadlines.out.find("\"ceremony_due\"");
  REQUIRE(at != std::string::npos);
  const size_t code = deadlines.out.find("QC", at);
  const std::string candidate = deadlines.out.substr(code, deadlines.out.find('"', code) - code);
  CHECK(runCli({"--db", db, "report", "admission-decision", candidate, "--format", "pdf", "--out",
                (dir / "qd.pdf").string()})
            .code == 0);
  const auto csv = runCli({"--db", db, "report", "admission-decision", candidate, "--format", "csv"});
  CHECK(csv.code == 1);
  CHECK(csv.out.empty());
  CHECK(csv.err.find("CSV") != std::string::npos);
  CHECK(runCli({"--db", db, "report", "admission-decision", candidate, "--format", "csv", "--out",
                (dir / "qd.csv").string()})
            .code == 1);
  CHECK_FALSE(std::filesystem::exists(dir / "qd.csv"));
}

// `report dues`, `report meetings`, `report removal-grounds` and `check` on the demo commune's two years of
// cell work (spec/cell-work.md "CLI").
#include <doctest/doctest.h>

#include <filesystem>

#include "../TestUtil.h"
#include "CliRun.h"

using dangbo::test::runCli;
using dangbo::test::TempDir;

namespace {
size_t countOf(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("cell work on the command line: the dues book, the summary, the meetings, the grounds, check") {
  TempDir dir;
  const std::string db = (dir / "d.db").string();
  REQUIRE(runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"}).code == 0);
  auto book = runCli({"--db", db, "report", "dues", "--year", "2026", "--cell", "cb07", "--as-of",
                      "2026-11-29", "--format", "json"});
  REQUIRE(book.code == 0);
  CHECK(book.out.find("\"cell\": \"CB07\"") != std::string::npos);
  CHECK(book.out.find("\"11\": {") != std::string::npos);
  CHECK(book.out.find("\"12\": {") == std::string::npos);  // months up to as_of only
  CHECK(book.out.find("\"kept\": ") != std::string::npos);
  auto sum =
      runCli({"--db", db, "report", "dues", "--year", "2026", "--as-of", "2026-11-29", "--format", "json"});
  REQUIRE(sum.code == 0);
  CHECK(countOf(sum.out, "\"cell\": \"CB") == 58);
  auto meetings = runCli(
      {"--db", db, "report", "meetings", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "json"});
  REQUIRE(meetings.code == 0);
  CHECK(meetings.out.find("\"kind\": \"thuong_ky\"") != std::string::npos);
  CHECK(meetings.out.find("\"rate\": ") != std::string::npos);
  auto grounds = runCli({"--db", db, "report", "removal-grounds", "--year", "2026", "--as-of", "2026-11-29",
                         "--format", "csv"});
  REQUIRE(grounds.code == 0);
  CHECK(countOf(grounds.out, "\n") >= 5);  // a header and the planted members
  for (const char* fmt : {"pdf", "docx", "xlsx"}) {
    const auto out = (dir / (std::string("s01.") + fmt)).string();
    CHECK(runCli({"--db", db, "report", "dues", "--year", "2026", "--cell", "CB07", "--format", fmt, "--out",
                  out})
              .code == 0);
    CHECK(std::filesystem::file_size(out) > 1000);
  }
  // The minutes sheet of a meeting, pre-filled: every format that prints, the cell's members listed.
  for (const char* fmt : {"pdf", "docx"}) {
    const auto out = (dir / (std::string("bien-ban.") + fmt)).string();
    CHECK(runCli({"--db", db, "report", "meeting-minutes", "CB07/2026-10-24", "--format", fmt, "--out", out})
              .code == 0);
    CHECK(std::filesystem::file_size(out) > 1000);
  }
  auto minutes = runCli({"--db", db, "report", "meeting-minutes", "cb07/2026-10-24", "--format", "json"});
  REQUIRE(minutes.code == 0);
  CHECK(minutes.out.find("\"attendance\"") != std::string::npos);
  CHECK(countOf(minutes.out, "\"DV") >= 5);
  CHECK(runCli({"--db", db, "report", "meeting-minutes", "--format", "json"}).code == 2);
  CHECK(runCli({"--db", db, "report", "meeting-minutes", "CB07", "--format", "json"}).code == 1);
  // Options that do not belong to a report are refused.
  CHECK(runCli({"--db", db, "report", "members", "--year", "2026"}).code == 2);
  CHECK(runCli({"--db", db, "report", "dues", "--year", "26"}).code == 2);
  auto check = runCli({"--db", db, "check", "--as-of", "2026-11-29", "--format", "json"});
  CHECK(check.code == 1);
  for (const char* rule : {"meeting_missing", "thematic_missing", "absence_removal_ground",
                           "dues_removal_ground", "dues_arrears"})
    CHECK_MESSAGE(check.out.find(std::string("\"rule\": \"") + rule + "\"") != std::string::npos, rule);
}

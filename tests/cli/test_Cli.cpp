#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>

#include "../TestUtil.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "services/Services.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
using Result = test::CliResult;
using test::runCli;
}  // namespace

TEST_CASE("--help and --version") {
  auto h = runCli({"--help"});
  CHECK(h.code == 0);
  CHECK(h.out.find("dangbo-cli") != std::string::npos);
  CHECK(h.out.find("demo") != std::string::npos);
  CHECK(h.out.find("Cách dùng") != std::string::npos);  // the help is in Vietnamese
  auto v = runCli({"--version"});
  CHECK(v.code == 0);
  CHECK(v.out.rfind("dangbo-cli ", 0) == 0);
}

TEST_CASE("wrong usage exits 2 with a Vietnamese message") {
  CHECK(runCli({}).code == 2);
  auto u = runCli({"frobnicate"});
  CHECK(u.code == 2);
  CHECK(u.err.find("frobnicate") != std::string::npos);
  CHECK(runCli({"demo", "--seed"}).code == 2);
  CHECK(runCli({"demo", "--seed", "abc"}).code == 2);
  CHECK(runCli({"summary", "--as-of", "31/02/2024"}).code == 2);
  CHECK(runCli({"init", "--colour", "x"}).code == 2);
}

TEST_CASE("init creates a file and refuses an existing one without touching it") {
  TempDir dir;
  std::string db = (dir / "c.db").string();
  auto r = runCli({"--db", db, "init", "--committee", "Đảng bộ xã Phiêng Pằn", "--province", "Sơn La"});
  REQUIRE(r.code == 0);
  auto s = runCli({"--db", db, "summary", "--format", "json", "--as-of", "2026-01-01"});
  CHECK(s.code == 0);
  CHECK(s.out.find("\"committee\": \"Đảng bộ xã Phiêng Pằn\"") != std::string::npos);
  std::string before = test::readFile(db);
  auto again = runCli({"--db", db, "init"});
  CHECK(again.code == 1);
  CHECK(again.err.find("đã có") != std::string::npos);
  CHECK(test::readFile(db) == before);
}

TEST_CASE("demo builds the commune, prints its summary, and refuses to run twice on a file") {
  TempDir dir;
  std::string db = (dir / "d.db").string();
  auto r = runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("58 tổ chức đảng") != std::string::npos);
  CHECK(r.out.find("5 chi bộ cơ sở") != std::string::npos);
  auto json = runCli({"--db", db, "summary", "--format", "json", "--as-of", "2026-11-29"});
  REQUIRE(json.code == 0);
  CHECK(json.out.find("\"total\": 58") != std::string::npos);
  std::string before = test::readFile(db);
  auto again = runCli({"--db", db, "demo", "--seed", "1"});
  CHECK(again.code != 0);
  CHECK(test::readFile(db) == before);
}

TEST_CASE("the same seed gives the same data, another seed other data") {
  TempDir dir;
  auto dump = [&](const std::string& name, const std::string& seed) {
    std::string db = (dir / name).string();
    REQUIRE(runCli({"--db", db, "demo", "--seed", seed, "--today", "2026-11-29"}).code == 0);
    SQLite::Database c(db, SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement q(
        c, "SELECT code, full_name, birth_date, cell_id, status, admitted_on FROM members ORDER BY id");
    while (q.executeStep())
      for (int i = 0; i < 6; ++i) out += q.getColumn(i).getString() + "|";
    return out;
  };
  std::string a = dump("a.db", "7"), b = dump("b.db", "7"), c = dump("c.db", "8");
  CHECK(a.size() > 10000);
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("a file from a newer version: exit 3, unchanged") {
  TempDir dir;
  std::string db = (dir / "n.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã A"}).code == 0);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 999");
  }
  std::string before = test::readFile(db);
  auto r = runCli({"--db", db, "summary"});
  CHECK(r.code == 3);
  CHECK(r.err.find("999") != std::string::npos);
  CHECK(test::readFile(db) == before);
  auto damaged = dir / "bad.db";
  test::writeFile(damaged, "SQLite format 3\0garbage");
  CHECK(runCli({"--db", damaged.string(), "summary"}).code == 3);
}

TEST_CASE("backup and restore bring the data back exactly and keep the replaced file") {
  TempDir dir;
  std::string db = (dir / "b.db").string(), bak = (dir / "copy.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Trước"}).code == 0);
  REQUIRE(runCli({"--db", db, "backup", "--out", bak}).code == 0);
  CHECK(runCli({"--db", db, "backup", "--out", bak}).code == 1);  // never overwrites
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE committee SET name = 'Đảng bộ xã Sau'");
  }
  auto r = runCli({"--db", db, "restore", bak});
  REQUIRE(r.code == 0);
  CHECK(runCli({"--db", db, "summary", "--format", "json"}).out.find("Đảng bộ xã Trước") !=
        std::string::npos);
  bool kept = false;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    if (e.path().string().find(".replaced-") != std::string::npos) {
      SQLite::Database k(e.path().string(), SQLite::OPEN_READONLY);
      kept = k.execAndGet("SELECT name FROM committee").getString() == "Đảng bộ xã Sau";
    }
  CHECK(kept);
  test::writeFile(dir / "junk.db", "junk");
  CHECK(runCli({"--db", db, "restore", (dir / "junk.db").string()}).code == 3);
}

TEST_CASE(
    "report congress prints the figures as JSON or a Vietnamese document, to standard output or a file") {
  TempDir dir;
  std::string db = (dir / "r.db").string();
  REQUIRE(runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"}).code == 0);
  auto json = runCli(
      {"--db", db, "report", "congress", "--from", "2020-08-01", "--to", "2025-07-31", "--format", "json"});
  REQUIRE(json.code == 0);
  CHECK(json.out.find("\"as_of\": \"2025-07-31\"") != std::string::npos);
  CHECK(json.out.find("\"grassroots\": 5") != std::string::npos);
  auto out = dir / "bc.html";
  auto html = runCli({"--db", db, "report", "congress", "--from", "01/08/2020", "--to", "31/07/2025", "--out",
                      out.string()});
  REQUIRE(html.code == 0);
  CHECK(html.out.empty());
  std::string text = test::readFile(out);
  CHECK(text.find("so với chỉ tiêu") != std::string::npos);
  CHECK(text.find("ĐẢNG ỦY XÃ PHIÊNG PẰN") != std::string::npos);
  CHECK(runCli({"--db", db, "report", "nonsense"}).code == 2);
  auto pdf = runCli({"--db", db, "report", "congress", "--format", "pdf"});
  CHECK(pdf.code == 0);
  CHECK(pdf.out.rfind("%PDF", 0) == 0);
  // csv: the congress report's tables, with a byte-order mark for Excel.
  auto csv = runCli({"--db", db, "report", "congress", "--format", "csv"});
  CHECK(csv.code == 0);
  CHECK(csv.out.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(runCli({"--db", db, "report", "congress", "--format", "docx"}).code == 2);  // needs --out
  CHECK(runCli({"--db", db, "report", "badges", "--format", "odt"}).code == 2);
  CHECK(runCli({"--db", db, "report", "congress", "--from", "2025-01-01", "--to", "2024-01-01"}).code == 1);
}

TEST_CASE("check names the audit row edited outside dangbo and exits 1") {
  TempDir dir;
  std::string db = (dir / "a.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Thử"}).code == 0);
  {
    auto s = services::Services::open(db);
    s->saveTarget(services::Actor::localOffice(), {"ket_nap_nam", 2025, 2030, 30});
    s->saveTarget(services::Actor::localOffice(), {"ket_nap_nam", 2025, 2030, 32});
  }
  CHECK(runCli({"--db", db, "check", "--format", "json"}).code == 0);
  {
    // What someone with the sqlite3 shell would do.
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER audit_log_no_update");
    raw.exec("UPDATE audit_log SET new_value = '40' WHERE id = 2");
  }
  auto r = runCli({"--db", db, "check", "--format", "json"});
  CHECK(r.code == 1);
  CHECK(r.out.find("\"rule\": \"audit_chain\"") != std::string::npos);
  CHECK(r.out.find("\"subject\": \"audit_log:2\"") != std::string::npos);
}

TEST_CASE("report discipline counts decisions by form, removals and inspections of the period") {
  TempDir dir;
  std::string db = (dir / "k.db").string();
  REQUIRE(runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"}).code == 0);
  auto all = runCli(
      {"--db", db, "report", "discipline", "--from", "2000-01-01", "--to", "2026-11-29", "--format", "json"});
  REQUIRE(all.code == 0);
  CHECK(all.out.find("\"khien_trach\": 6") != std::string::npos);
  CHECK(all.out.find("\"canh_cao\": 2") != std::string::npos);
  CHECK(all.out.find("\"khai_tru\": 1") != std::string::npos);
  CHECK(all.out.find("\"xoa_ten\": 9") != std::string::npos);
  auto none = runCli(
      {"--db", db, "report", "discipline", "--from", "2000-01-01", "--to", "2000-12-31", "--format", "json"});
  REQUIRE(none.code == 0);
  CHECK(none.out.find("\"xoa_ten\": 0") != std::string::npos);
  CHECK(none.out.find("\"khien_trach\": 6") == std::string::npos);
}

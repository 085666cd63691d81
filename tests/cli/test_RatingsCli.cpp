// Issue 6, "Done when", through dangbo-cli on the demo commune: the counts of `report ratings` per year, the
// planted violations found by `check --format json` (and nothing else of the rating rules), and a locked
// round that an import cannot change until the office reopens it with a reason.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "../TestUtil.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "core/Errors.h"
#include "services/Ratings.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
using Result = test::CliResult;
using test::runCli;

// (rule, subject, year) of every finding of `check --format json` whose rule starts with "rating_".
std::set<std::tuple<std::string, std::string, std::string>> ratingFindings(const std::string& json) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  static const std::regex item(
      R"re("rule": "(rating_[a-z_]+)",\s*"subject": "([^"]*)",\s*"year": (null|[0-9]+))re");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), item); it != std::sregex_iterator(); ++it)
    out.insert({(*it)[1].str(), (*it)[2].str(), (*it)[3].str()});
  return out;
}

std::string demo(const TempDir& dir) {
  std::string db = (dir / "d.db").string();
  REQUIRE(runCli({"--db", db, "demo", "--seed", "1", "--today", "2026-11-29"}).code == 0);
  return db;
}

std::string orgLevel(const std::string& db, const std::string& code, int year) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  SQLite::Statement q(raw,
                      "SELECT r.level FROM ratings r JOIN organizations o ON o.id = r.subject_id WHERE "
                      "r.subject_type = 'to_chuc' AND o.code = ? AND r.year = ?");
  q.bind(1, code);
  q.bind(2, year);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}
}  // namespace

TEST_CASE("cli ratings: report ratings counts every stored rating per year, for cells and members") {
  TempDir dir;
  const std::string db = demo(dir);
  auto r = runCli(
      {"--db", db, "report", "ratings", "--from", "2020-01-01", "--to", "2025-12-31", "--format", "csv"});
  REQUIRE(r.code == 0);
  // Năm, Đối tượng xếp loại, Mã chi bộ, Chi bộ, Xếp loại chi bộ, HTXSNV, HTTNV, HTNV, KHTNV, Số được xếp
  // loại, Tỷ lệ (%), Chỉ tiêu (%)
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> rows;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    if (f.size() >= 11 && (f[1] == "Tổ chức đảng" || f[1] == "Đảng viên")) rows[{f[0], f[1]}] = f;
  }
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  SQLite::Statement q(
      raw,
      "SELECT year, subject_type, sum(level = 'HTXSNV'), sum(level = 'HTTNV'), sum(level = 'HTNV'), "
      "sum(level = 'KHTNV'), count(*) FROM ratings WHERE year BETWEEN 2020 AND 2025 GROUP BY year, "
      "subject_type");
  int groups = 0;
  while (q.executeStep()) {
    ++groups;
    const std::string year = q.getColumn(0).getString();
    const std::string subject = q.getColumn(1).getString() == "to_chuc" ? "Tổ chức đảng" : "Đảng viên";
    CAPTURE(year);
    CAPTURE(subject);
    auto it = rows.find({year, subject});
    REQUIRE(it != rows.end());
    const auto& f = it->second;
    for (int k = 0; k < 5; ++k) CHECK(f[size_t(5 + k)] == q.getColumn(2 + k).getString());
    const int good = q.getColumn(2).getInt() + q.getColumn(3).getInt(), rated = q.getColumn(6).getInt();
    // one decimal, half away from zero
    const long tenths = (good * 2000L + rated) / (2L * rated);
    CHECK(f[10] == std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
  }
  CHECK(groups >= 8);  // several years of cells and members
  CHECK(rows.size() == size_t(groups));
}

TEST_CASE(
    "cli ratings: check --format json finds each planted violation with its rule, subject and year, "
    "and no other") {
  TempDir dir;
  const std::string db = demo(dir);
  CHECK(ratingFindings(runCli({"--db", db, "check", "--format", "json"}).out).empty());
  std::string quotaCell, disciplined, exempt, disciplinedYear;
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    // 1. Every member of the first village cell rated good in 2023 now rated excellent.
    SQLite::Statement cell(
        raw,
        "SELECT o.id, o.code FROM ratings r JOIN members m ON m.id = r.subject_id JOIN organizations o "
        "ON o.id = r.cell_id WHERE r.subject_type = 'dang_vien' AND r.year = 2023 AND r.level = "
        "'HTTNV' AND o.category = 'ban' AND m.cell_id = o.id GROUP BY o.id HAVING count(*) >= 4 "
        "ORDER BY o.code LIMIT 1");
    REQUIRE(cell.executeStep());
    quotaCell = cell.getColumn(1).getString();
    raw.exec(
        "UPDATE ratings SET level = 'HTXSNV' WHERE year = 2023 AND subject_type = 'dang_vien' AND level = "
        "'HTTNV' AND cell_id = " +
        cell.getColumn(0).getString() +
        " AND subject_id IN (SELECT id FROM members WHERE cell_id = " + cell.getColumn(0).getString() + ")");
    // 2. The last member disciplined in a rated year, rated good that year without an exception.
    SQLite::Statement disc(
        raw,
        "SELECT m.id, m.code, substr(d.date, 1, 4) FROM disciplines d JOIN members m ON m.id = "
        "d.subject_id JOIN ratings r ON r.subject_type = 'dang_vien' AND r.subject_id = m.id AND "
        "r.year = CAST(substr(d.date, 1, 4) AS INTEGER) WHERE d.subject_type = 'dang_vien' ORDER BY "
        "d.date DESC LIMIT 1");
    REQUIRE(disc.executeStep());
    disciplined = disc.getColumn(1).getString();
    disciplinedYear = disc.getColumn(2).getString();
    raw.exec(
        "UPDATE ratings SET level = 'HTTNV', exception_reason = '' WHERE subject_type = 'dang_vien' AND "
        "subject_id = " +
        disc.getColumn(0).getString() + " AND year = " + disciplinedYear);
    // 3. A member exempt since before 2024 rated for 2024.
    SQLite::Statement ex(raw,
                         "SELECT id, code, cell_id FROM members WHERE status = 'exempt' AND status_since < "
                         "'2024-01-01' AND id NOT IN (SELECT subject_id FROM ratings WHERE subject_type = "
                         "'dang_vien' AND year = 2024) ORDER BY code DESC LIMIT 1");
    REQUIRE(ex.executeStep());
    exempt = ex.getColumn(1).getString();
    raw.exec(
        "INSERT INTO ratings (year, subject_type, subject_id, cell_id, level) VALUES (2024, 'dang_vien', " +
        ex.getColumn(0).getString() + ", " + ex.getColumn(2).getString() + ", 'HTNV')");
  }
  auto r = runCli({"--db", db, "check", "--format", "json"});
  CHECK(r.code == 1);
  const std::set<std::tuple<std::string, std::string, std::string>> expected = {
      {"rating_quota", quotaCell, "2023"},
      {"rating_disciplined", disciplined, disciplinedYear},
      {"rating_not_eligible", exempt, "2024"}};
  CHECK(ratingFindings(r.out) == expected);
}

TEST_CASE(
    "cli ratings: a locked round is not changed by an import, the office's reopen leaves an audit row") {
  TempDir dir;
  const std::string db = demo(dir);
  const auto office = services::Actor::localOffice();
  {
    auto s = services::Services::open(db);
    services::openRatingRound(*s, office, 2025, *core::Date::make(2025, 12, 15));
    REQUIRE(services::lockRatingRound(*s, office, 2025).locked);
  }
  const std::string before = orgLevel(db, "CB01", 2025);
  REQUIRE_FALSE(before.empty());
  const std::string other = before == "KHTNV" ? "HTNV" : "KHTNV";
  const std::string before2024 = orgLevel(db, "CB01", 2024);
  const std::string other2024 = before2024 == "KHTNV" ? "HTNV" : "KHTNV";
  std::filesystem::create_directories(dir / "in");
  test::writeFile(dir / "in" / "xep_loai.csv", "Năm,Đối tượng,Mã,Xếp loại\n2025,Tổ chức,CB01," + other +
                                                   "\n2024,Tổ chức,CB01," + other2024 + "\n");

  auto refused = runCli({"--db", db, "import", (dir / "in").string()});
  CHECK(refused.code == 1);
  // names the locked round (in Vietnamese once the catalog has the message)
  CHECK((refused.err.find("khóa") != std::string::npos || refused.err.find("locked") != std::string::npos));
  CHECK(orgLevel(db, "CB01", 2025) == before);
  CHECK(orgLevel(db, "CB01", 2024) ==
        before2024);  // all or nothing: the unlocked year was not written either
  // A dry run already refuses it, naming the file, the row and the column of the year.
  auto dry = runCli({"--db", db, "import", (dir / "in").string(), "--dry-run"});
  CHECK(dry.code == 1);
  CHECK(dry.err.find("xep_loai.csv") != std::string::npos);
  CHECK(dry.err.find("Năm") != std::string::npos);
  CHECK((dry.err.find("2025") != std::string::npos));

  {
    auto s = services::Services::open(db);
    CHECK_THROWS_AS(services::reopenRatingRound(*s, office, 2025, " "), core::DataError);
    services::reopenRatingRound(*s, office, 2025, "Nhập lại kết quả theo kết luận kiểm tra");
    auto audit = store::AuditRepository(services::storeOf(*s)).latest(1);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "rating.reopen");
    CHECK(audit[0].record == "rating_round:2025");
    CHECK(audit[0].reason == "Nhập lại kết quả theo kết luận kiểm tra");
  }
  CHECK(runCli({"--db", db, "import", (dir / "in").string()}).code == 0);
  CHECK(orgLevel(db, "CB01", 2025) == other);
  CHECK(orgLevel(db, "CB01", 2024) == other2024);
}

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "../TestUtil.h"
#include "services/RuleChecks.h"
#include "services/Services.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

std::vector<services::CheckFinding> findings(services::Services& s, const std::string& rule) {
  std::vector<services::CheckFinding> out;
  for (auto& f : services::checkRules(s, services::Actor::localOffice(), d(2026, 11, 29)))
    if (f.rule == rule) out.push_back(f);
  return out;
}
}  // namespace

TEST_CASE("check: the demo commune has only its two planted candidates outside the age limits") {
  TempDir dir;
  services::DemoOptions o;
  o.seed = 1;
  o.today = d(2026, 11, 29);
  services::Services::createDemo(dir / "d.db", o);
  auto s = services::Services::open(dir / "d.db");
  auto all = services::checkRules(*s, services::Actor::localOffice(), d(2026, 11, 29));
  REQUIRE(all.size() == 2);
  for (const auto& f : all) CHECK(f.rule == "age_limit");
}

TEST_CASE("check: planted rating violations are each found with the right rule, subject and year") {
  TempDir dir;
  services::DemoOptions o;
  o.seed = 1;
  o.today = d(2026, 11, 29);
  services::Services::createDemo(dir / "d.db", o);
  std::string quotaCell, disciplined, exempt;
  int disciplinedYear = 0;
  {
    SQLite::Database db((dir / "d.db").string(), SQLite::OPEN_READWRITE);
    // 1. Every member of one cell rated excellent in 2024.
    SQLite::Statement cell(
        db,
        "SELECT o.id, o.code FROM ratings r JOIN members m ON m.id = r.subject_id JOIN organizations "
        "o ON o.id = m.cell_id WHERE r.subject_type = 'dang_vien' AND r.year = 2024 AND r.level = "
        "'HTTNV' AND m.status = 'active' AND o.category = 'ban' GROUP BY o.id HAVING count(*) >= 5 "
        "ORDER BY o.code LIMIT 1");
    REQUIRE(cell.executeStep());
    quotaCell = cell.getColumn(1).getString();
    db.exec(
        "UPDATE ratings SET level = 'HTXSNV' WHERE year = 2024 AND subject_type = 'dang_vien' AND level = "
        "'HTTNV' "
        "AND subject_id IN (SELECT id FROM members WHERE cell_id = " +
        cell.getColumn(0).getString() + " AND status = 'active')");
    // 2. A disciplined member rated good in the year of the decision.
    SQLite::Statement disc(
        db,
        "SELECT m.code, CAST(substr(d.date, 1, 4) AS INTEGER), m.id FROM disciplines d JOIN members m "
        "ON m.id = d.subject_id JOIN ratings r ON r.subject_id = m.id AND r.subject_type = "
        "'dang_vien' AND r.year = CAST(substr(d.date, 1, 4) AS INTEGER) WHERE d.subject_type = "
        "'dang_vien' ORDER BY d.date LIMIT 1");
    REQUIRE(disc.executeStep());
    disciplined = disc.getColumn(0).getString();
    disciplinedYear = disc.getColumn(1).getInt();
    db.exec(
        "UPDATE ratings SET level = 'HTTNV', exception_reason = '' WHERE subject_type = 'dang_vien' AND "
        "subject_id = " +
        disc.getColumn(2).getString() + " AND year = " + std::to_string(disciplinedYear));
    // 3. A member exempt since before 2025 rated for 2025.
    SQLite::Statement ex(
        db,
        "SELECT id, code, cell_id FROM members WHERE status = 'exempt' AND status_since < '2024-06-01' "
        "AND id NOT IN (SELECT subject_id FROM ratings WHERE subject_type = 'dang_vien' AND year = "
        "2025) ORDER BY code LIMIT 1");
    REQUIRE(ex.executeStep());
    exempt = ex.getColumn(1).getString();
    db.exec(
        "INSERT INTO ratings (year, subject_type, subject_id, cell_id, level) VALUES (2025, 'dang_vien', " +
        ex.getColumn(0).getString() + ", " + ex.getColumn(2).getString() + ", 'HTTNV')");
  }
  auto s = services::Services::open(dir / "d.db");
  auto quota = findings(*s, "rating_quota");
  REQUIRE(quota.size() == 1);
  CHECK(quota[0].subject == quotaCell);
  CHECK(quota[0].year == 2024);
  auto disc = findings(*s, "rating_disciplined");
  REQUIRE(disc.size() == 1);
  CHECK(disc[0].subject == disciplined);
  CHECK(disc[0].year == disciplinedYear);
  auto noRight = findings(*s, "rating_not_eligible");
  REQUIRE(noRight.size() == 1);
  CHECK(noRight[0].subject == exempt);
  CHECK(noRight[0].year == 2025);
  CHECK(findings(*s, "age_limit").size() == 2);
}

TEST_CASE("check: a member admitted after 30 June is not rated that year, the limit follows the dated rule") {
  TempDir dir;
  auto s = services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  {
    SQLite::Database db((dir / "r.db").string(), SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO organizations (id, code, name, kind, category) VALUES (1, 'CB01', 'Chi bộ bản A', "
        "'truc_thuoc', 'ban')");
    db.exec(
        "INSERT INTO members (id, code, full_name, gender, birth_date, ethnicity, cell_id, admitted_on) "
        "VALUES "
        "(1, 'DV1', 'Lò Văn A', 'nam', '1990', '03', 1, '2024-06-30'), (2, 'DV2', 'Lò Văn B', 'nam', '1990', "
        "'03', 1, '2024-07-01')");
    db.exec(
        "INSERT INTO ratings (year, subject_type, subject_id, level) VALUES (2024, 'dang_vien', 1, 'HTNV'), "
        "(2024, 'dang_vien', 2, 'HTNV')");
  }
  auto f = findings(*s, "rating_not_eligible");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "DV2");
  // From 2024 on, three months are enough: DV2 (admitted 1 July) may be rated.
  s->addRuleValue(services::Actor::localOffice(),
                  {"rating.min_months_since_admission", d(2024, 1, 1), "3", "Hướng dẫn thử", ""});
  CHECK(findings(*s, "rating_not_eligible").empty());
}

// The members' counts the window's cell tree reads (member_counts, kept by triggers in the same transaction
// as the write): after every kind of change through the services' doors (a move, a death, an exemption, a
// transfer out and back, a removal, a new member, a changed ethnic group, cells merged and dissolved) they
// equal a fresh count, and the counts of a day equal the aggregate query's. Imports, a merge and a package
// are checked in their own tests (test_ImportBulkFilled, test_Merge, test_CellPackage).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../TestUtil.h"
#include "MemberCountsCheck.h"
#include "services/DemoGenerator.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberCounts.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();
const core::Date kToday = *core::Date::make(2026, 11, 29);

core::Date d(int y, int m, int day) {
  return *core::Date::make(y, m, day);
}

}  // namespace

TEST_CASE("member counts: kept by the triggers through every action on members and cells") {
  TempDir dir;
  services::DemoOptions opt;
  opt.seed = 5;
  opt.today = kToday;
  opt.members = 400;
  services::Services::createDemo(dir / "demo.db", opt);
  auto s = services::Services::open(dir / "demo.db");
  test::checkMemberCounts(*s, kToday);

  services::MemberFilter f;
  f.asOf = kToday;
  const auto rows = services::listMembers(*s, kOffice, f);
  REQUIRE(rows.size() > 50);
  // Members of two different cells.
  std::string otherCell;
  for (const auto& r : rows)
    if (r.cellCode != rows[0].cellCode) otherCell = r.cellCode;
  REQUIRE(!otherCell.empty());
  const auto before = services::presentMemberCounts(*s, kOffice, kToday);

  services::recordAction(*s, kOffice, rows[0].code, {"moved", d(2026, 11, 20), otherCell, "", "", ""});
  test::checkMemberCounts(*s, kToday);
  auto now = services::presentMemberCounts(*s, kOffice, kToday);
  CHECK(now.byCell[rows[0].cellCode] == before.byCell.at(rows[0].cellCode) - 1);
  CHECK(now.byCell[otherCell] == before.byCell.at(otherCell) + 1);

  services::recordAction(*s, kOffice, rows[1].code, {"deceased", d(2026, 11, 21), "", "", "", ""});
  services::recordAction(*s, kOffice, rows[2].code, {"exempted", d(2026, 11, 21), "", "", "", ""});
  services::recordAction(*s, kOffice, rows[3].code,
                         {"transfer_out", d(2026, 11, 22), "", "Đảng bộ xã Mường Bú", "12-QĐ/ĐU", ""});
  services::recordAction(*s, kOffice, rows[4].code,
                         {"removed", d(2026, 11, 22), "", "", "7-QĐ/ĐU", "bo_sinh_hoat"});
  test::checkMemberCounts(*s, kToday);
  now = services::presentMemberCounts(*s, kOffice, kToday);
  int64_t total = 0, totalBefore = 0;
  for (const auto& [cell, n] : now.byCell) total += n;
  for (const auto& [cell, n] : before.byCell) totalBefore += n;
  CHECK(total == totalBefore - 3);  // died, transferred out, removed; the exempt member still counts

  services::recordAction(*s, kOffice, rows[3].code,
                         {"transfer_in", d(2026, 11, 25), otherCell, "Đảng bộ xã Mường Bú", "15-QĐ/ĐU", ""});
  test::checkMemberCounts(*s, kToday);

  // A changed ethnic group, a new member.
  auto file = services::memberFile(*s, kOffice, rows[5].code);
  file.member.ethnicity = file.member.ethnicity == "01" ? "03" : "01";
  services::updateMember(*s, kOffice, file.member, "sửa dân tộc");
  core::Member m = file.member;
  m.id = 0;
  m.code = "DVMOI01";
  m.cccd.clear();
  m.cardNo.clear();
  m.admittedOn = d(2026, 11, 26);
  m.officialOn.reset();
  m.ceremonyOn.reset();
  m.transferredInOn.reset();
  m.status = "active";
  m.statusSince.reset();
  services::addMember(*s, kOffice, m, otherCell, "20-QĐ/ĐU");
  test::checkMemberCounts(*s, kToday);

  // Cells merged into another and dissolved: their members move.
  services::mergeOrganizations(*s, kOffice, {rows[0].cellCode}, otherCell, d(2026, 11, 27), "30-QĐ/ĐU");
  test::checkMemberCounts(*s, kToday);
  CHECK(services::presentMemberCounts(*s, kOffice, kToday).byCell.count(rows[0].cellCode) == 0);
  std::string third;
  for (const auto& r : services::listMembers(*s, kOffice, f))
    if (r.cellCode != otherCell) third = r.cellCode;
  REQUIRE(!third.empty());
  services::dissolveOrganization(*s, kOffice, third, d(2026, 11, 28), "31-QĐ/ĐU", otherCell);
  test::checkMemberCounts(*s, kToday);

  // The rows kept equal the rows a rebuild writes.
  auto& db = services::storeOf(*s);
  const auto kept = store::keptMemberCounts(db);
  store::resumeMemberCounts(db, store::suspendMemberCounts(db));
  CHECK(store::keptMemberCounts(db) == kept);
  test::checkMemberCounts(*s, kToday);
  // Whole rows, the latest day included: the rebuild's are the view's grouped directly.
  auto rowsOf = [&](const std::string& sql) {
    std::string out;
    SQLite::Statement q(db.db(), sql);
    while (q.executeStep()) {
      for (int c = 0; c < 5; ++c) out += q.getColumn(c).getString() + "|";
      out += "\n";
    }
    return out;
  };
  const std::string rebuilt = rowsOf("SELECT * FROM member_counts ORDER BY 1, 2, 3");
  CHECK(rebuilt.size() > 100);
  CHECK(rebuilt == rowsOf("SELECT cell_id, ethnicity, present, count(*), max(latest) FROM member_count_keys "
                          "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"));
}

TEST_CASE("member counts: a register without its triggers is found out of step") {
  TempDir dir;
  services::DemoOptions opt;
  opt.seed = 6;
  opt.today = kToday;
  opt.members = 120;
  services::Services::createDemo(dir / "demo.db", opt);
  auto s = services::Services::open(dir / "demo.db");
  auto& db = services::storeOf(*s);
  const auto triggers = store::suspendMemberCounts(db);
  CHECK(triggers.size() == 10);
  db.db().exec(
      "UPDATE members SET status = 'deceased', status_since = '2026-01-01' WHERE id = (SELECT min(id) "
      "FROM members WHERE status = 'active')");
  CHECK(store::keptMemberCounts(db) != store::freshMemberCounts(db));
  store::resumeMemberCounts(db, triggers);
  CHECK(store::keptMemberCounts(db) == store::freshMemberCounts(db));
  CHECK(store::suspendMemberCounts(db).size() == 10);  // recreated
}

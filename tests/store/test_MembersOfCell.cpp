// membersOn of one cell reads only the members who ever belonged to it (store/MemberQuery.h): the same
// members, cells of the day and order as the whole register's list filtered to that cell, on days before and
// after members moved between cells (the demo moves members from 1995 to 2023).
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "../TestUtil.h"
#include "services/Services.h"
#include "store/Database.h"
#include "store/MemberQuery.h"

using namespace dangbo;

TEST_CASE("membersOn of a cell: the whole register's members of that cell on the day, in the same order") {
  test::TempDir dir;
  test::openDemoCommune(dir.path(), 3).reset();
  auto db = store::Database::open(dir / "demo.db");
  std::set<core::Id> cells;
  for (const std::string& id :
       {test::sqlValue(dir / "demo.db",
                       "SELECT to_cell FROM member_events WHERE to_cell IS NOT NULL AND "
                       "from_cell IS NOT NULL ORDER BY date LIMIT 1"),
        test::sqlValue(dir / "demo.db",
                       "SELECT from_cell FROM member_events WHERE to_cell IS NOT NULL AND "
                       "from_cell IS NOT NULL ORDER BY date LIMIT 1"),
        test::sqlValue(dir / "demo.db",
                       "SELECT cell_id FROM members GROUP BY cell_id ORDER BY count(*) DESC "
                       "LIMIT 1")})
    cells.insert(std::stoll(id));
  REQUIRE(cells.size() >= 2);  // a cell members left and one they joined
  size_t moved = 0, compared = 0;
  for (const auto& day :
       {*core::Date::make(2012, 6, 30), *core::Date::make(2019, 12, 31), *core::Date::make(2026, 11, 29)}) {
    CAPTURE(day.iso());
    store::MemberQueryOptions all;
    all.asOf = day;
    const auto whole = store::membersOn(*db, all);
    for (core::Id cell : cells) {
      CAPTURE(cell);
      std::vector<std::string> expected;
      for (const auto& m : whole)
        if (m.cellOnDate == cell) {
          expected.push_back(m.member.code + " " + m.cellCode + " " + m.ethnicityName);
          moved += m.member.cellId != cell;
        }
      store::MemberQueryOptions one = all;
      one.cellId = cell;
      std::vector<std::string> got;
      for (const auto& m : store::membersOn(*db, one))
        got.push_back(m.member.code + " " + m.cellCode + " " + m.ethnicityName);
      compared += expected.size();
      CHECK(got == expected);
    }
  }
  CHECK(compared > 30);
  CHECK(moved > 0);  // some were listed in a cell that is not their current one
}

// The dues book of one cell reads only the members who ever belonged to it, and the commune summary works
// from aggregates of the payments: both must give the figures of the whole register. On the demo (members
// moving between cells, late payments, exemptions), every cell's book is checked against the summary's line
// of that cell (two different paths to the same figures) and its lines against the register's list of the
// cell at each month's end.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "DemoRegister.h"
#include "services/CellWork.h"
#include "services/MemberList.h"
#include "services/Services.h"

using namespace dangbo;
using services::Actor;

namespace {
const Actor kOffice = Actor::localOffice();
const core::Date kToday = *core::Date::make(2026, 11, 29);

services::Services& demo() {
  return test::demoRegister(kToday);
}

void checkSame(const services::DuesMonthTotals& book, const services::DuesMonthTotals& line) {
  CHECK(book.members == line.members);
  CHECK(book.exempt == line.exempt);
  CHECK(book.unpaid == line.unpaid);
  CHECK(book.due == line.due);
  CHECK(book.owed == line.owed);
  CHECK(book.collected == line.collected);
  CHECK(book.kept == line.kept);
  CHECK(book.toSend == line.toSend);
  CHECK(book.sent == line.sent);
}
}  // namespace

TEST_CASE("cell work: each cell's dues book agrees with the commune summary and the register, on the demo") {
  auto& s = demo();
  int movers = 0, checkedMonths = 0;
  int64_t collected = 0;
  for (int year : {2022, 2023, 2025, 2026}) {  // members moved between cells in 2022-2023
    CAPTURE(year);
    const auto sum = services::duesSummary(s, kOffice, year, kToday);
    std::map<std::string, const services::DuesSummary::Cell*> lines;
    for (const auto& c : sum.cells) lines[c.code] = &c;
    std::map<std::string, std::set<std::string>> cellsOf;  // member -> the books listing them
    std::map<int, int> members;                            // month -> members in the books
    for (const auto& o : s.organizations(kOffice)) {
      CAPTURE(o.code);
      const auto book = services::duesBook(s, kOffice, o.code, year, kToday);
      REQUIRE(book.lastMonth == (year == 2026 ? 11 : 12));
      // Part II of the book is the summary's line of the cell.
      for (int m = 1; m <= book.lastMonth; ++m) {
        CAPTURE(m);
        const auto it = lines.find(o.code);
        services::DuesMonthTotals none;
        const auto* line = &none;
        if (it != lines.end())
          if (auto mo = it->second->months.find(m); mo != it->second->months.end()) line = &mo->second;
        checkSame(book.months.at(m), *line);
        members[m] += book.months.at(m).members;
        collected += book.months.at(m).collected;
        ++checkedMonths;
      }
      // Part I lists the members the whole register puts in the cell at a month's end, for those months.
      std::map<std::string, std::set<int>> expected;
      for (int m = 1; m <= book.lastMonth; ++m) {
        services::MemberFilter f;
        f.asOf = core::YearMonth{year, m}.last();
        f.cellCode = o.code;
        for (const auto& row : services::listMembers(s, kOffice, f)) expected[row.code].insert(m);
      }
      std::map<std::string, std::set<int>> got;
      for (const auto& mem : book.members) {
        for (const auto& [m, x] : mem.months) got[mem.code].insert(m);
        cellsOf[mem.code].insert(o.code);
      }
      CHECK(got == expected);
    }
    for (const auto& [code, cells] : cellsOf)
      if (cells.size() > 1) ++movers;
    for (const auto& [m, n] : members) CHECK(sum.months.at(m).members == n);
  }
  // The demo exercises what the restricted reading must get right: members in two cells' books in a year.
  CHECK(movers > 0);
  CHECK(checkedMonths > 1000);
  CHECK(collected > 0);
}

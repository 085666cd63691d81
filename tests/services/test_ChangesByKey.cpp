// The national database's change list reads only the members it names (services/NationalDatabase.cpp): its
// rows are those of the whole register's entries on the last day (departed ones too) with the period's
// events, on the demo with its years of history.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "../TestUtil.h"
#include "core/Enums.h"
#include "services/MemberList.h"
#include "services/NationalDatabase.h"
#include "services/Services.h"

using namespace dangbo;

TEST_CASE("changes by key: the period's events of the whole register's entries, each row as before") {
  test::TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 4);
  const auto office = services::Actor::localOffice();
  for (const auto& [from, to] : {std::pair{*core::Date::make(2024, 1, 1), *core::Date::make(2026, 11, 29)},
                                 std::pair{*core::Date::make(2005, 1, 1), *core::Date::make(2012, 6, 30)}}) {
    CAPTURE(from.iso());
    // What the list gave reading the whole register: each entry's events in the period (no details were
    // changed through the window in the demo, so the audit adds none).
    std::vector<std::string> expected;
    for (const auto& e : services::registerEntries(*s, office, to, true))
      for (const auto& ev : e.events)
        if (from <= ev.date && ev.date <= to)
          expected.push_back(ev.date.iso() + " " + e.member.code + " " + e.member.fullName + " " +
                             e.cellCode + " " + core::enums::memberEvent.label(ev.kind));
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> got;
    const auto report = services::changesReport(*s, office, from, to);
    for (const auto& r : report.table("changes")->rows) {
      const auto day = core::Date::parse(r.cells[0].text);
      REQUIRE(day);
      got.push_back(day->iso() + " " + r.cells[1].text + " " + r.cells[2].text + " " + r.cells[3].text + " " +
                    r.cells[4].text);
    }
    std::sort(got.begin(), got.end());
    CHECK(expected.size() > 20);
    CHECK(got == expected);
  }
}

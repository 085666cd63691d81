#pragma once
// The members' counts kept by the register's triggers (member_counts, migration 0029) held to a fresh count:
// the kept rows equal the rows a rebuild would write, their date bounds hold, and the counts of a day read
// from them equal the aggregate query's (store::presentCounts) on days before, among and after the
// register's dates. Called by the tests after every kind of write (imports, actions, a merge, a package).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <set>
#include <string>

#include "core/Date.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberCounts.h"
#include "store/MemberQuery.h"

namespace dangbo::test {

inline void checkMemberCounts(services::Services& s, const core::Date& today) {
  store::Database& db = services::storeOf(s);
  CHECK(store::keptMemberCounts(db) == store::freshMemberCounts(db));
  CHECK(store::memberCountBoundsHold(db));
  std::set<core::Date> days = {today, *core::Date::make(2000, 1, 1),
                               *core::Date::make(today.year() - 1, 6, 30),
                               *core::Date::make(today.year() + 1, 1, 1)};
  // The register's latest dates and the days before them (the cells then counted member by member).
  SQLite::Statement q(
      db.db(),
      "SELECT DISTINCT date FROM (SELECT date FROM member_events UNION SELECT status_since FROM "
      "members UNION SELECT admitted_on FROM members) WHERE date IS NOT NULL ORDER BY date "
      "DESC LIMIT 3");
  while (q.executeStep())
    if (auto d = core::Date::parse(q.getColumn(0).getString())) {
      days.insert(*d);
      days.insert(d->addDays(-1));
    }
  for (const auto& day : days) {
    CAPTURE(day.iso());
    CHECK(store::presentCountsKept(db, day).byCellAndEthnicity ==
          store::presentCounts(db, day).byCellAndEthnicity);
  }
}

}  // namespace dangbo::test

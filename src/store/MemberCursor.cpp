// The store's cursor over the register (forEachMemberOn: a page of members at a time in the list order) and
// the counts of the members present on a day by aggregate queries (presentCounts, countPresent).
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/VietText.h"
#include "store/DomainRules.h"
#include "store/MemberQuery.h"
#include "store/MemberRows.h"
#include "store/Sql.h"

namespace dangbo::store {

using namespace rows;

PresentCounts presentCounts(Database& database, const core::Date& day) {
  auto& db = database.db();
  PresentCounts out;
  SQLite::Statement c(db, "SELECT cell, ethnicity, count(*) FROM (SELECT " + rule::kCellOnDay +
                              " AS cell, coalesce(m.ethnicity, '') AS ethnicity FROM members m WHERE " +
                              rule::kPresentOn + ") GROUP BY cell, ethnicity");
  c.bind(1, day.iso());
  while (c.executeStep())
    out.byCellAndEthnicity[{c.getColumn(0).getInt64(), str(c.getColumn(1))}] = c.getColumn(2).getInt64();
  return out;
}

void forEachMemberOn(Database& database, const MemberQueryOptions& opt, size_t pageRows,
                     const std::function<void(MemberOnDate&&)>& visit) {
  auto& db = database.db();
  const MemberSearch names = listNames(database);
  const std::string needle = core::fold(core::normalizeText(opt.search));
  const std::string asOf = opt.asOf.iso();
  SQLite::Statement first(db,
                          memberColumns(true) + " INDEXED BY members_order ORDER BY sort_key, code LIMIT ?1");
  SQLite::Statement next(db,
                         memberColumns(true) +
                             " INDEXED BY members_order WHERE (sort_key, code) > (?2, ?3) ORDER BY sort_key, "
                             "code LIMIT ?1");
  std::string lastKey, lastCode;
  std::vector<SnapshotMember> page;
  for (bool more = true; more;) {
    // A page of members in the list order, after the last one read.
    SQLite::Statement& q = page.empty() && lastCode.empty() ? first : next;
    q.reset();
    q.bind(1, static_cast<int64_t>(pageRows));
    if (&q == &next) {
      q.bind(2, lastKey.data(), static_cast<int>(lastKey.size()));
      q.bind(3, lastCode);
    }
    page.clear();
    while (q.executeStep()) page.push_back(readMember(q, lastKey));
    more = page.size() == pageRows;
    if (page.empty()) break;
    lastCode = page.back().member.code;
    // Their events (all of them, for their cell changes), oldest first, in one statement.
    std::unordered_map<core::Id, size_t> index;
    std::string ids;
    for (size_t k = 0; k < page.size(); ++k) {
      index.emplace(page[k].member.id, k);
      ids += (k ? "," : "") + std::to_string(page[k].member.id);
    }
    std::vector<std::vector<core::MemberEvent>> events(page.size());
    SQLite::Statement e(
        db, std::string(kEventColumns) + "WHERE member_id IN (" + ids + ") ORDER BY member_id, date, id");
    while (e.executeStep()) {
      const size_t k = index.at(e.getColumn(1).getInt64());
      if (!e.getColumn(4).isNull() || !e.getColumn(5).isNull())
        page[k].cellChanges.push_back({fastDate(e.getColumn(2)).value_or(core::Date()),
                                       sql::optId(e.getColumn(4)), sql::optId(e.getColumn(5))});
      if (opt.withEvents && e.getColumn(2).getString() <= asOf) events[k].push_back(readEvent(e));
    }
    for (size_t k = 0; k < page.size(); ++k)
      if (auto r = memberOn(page[k], opt, needle, names.cells, names.ethnicNames)) {
        r->events = std::move(events[k]);
        visit(std::move(*r));
      }
  }
}

int64_t countPresent(Database& database, const core::Date& day, std::optional<core::Id> cell) {
  SQLite::Statement c(database.db(), "SELECT count(*) FROM members m WHERE " + rule::kPresentOn +
                                         (cell ? " AND " + rule::kCellOnDay + " = ?2" : std::string()));
  c.bind(1, day.iso());
  if (cell) c.bind(2, *cell);
  c.executeStep();
  return c.getColumn(0).getInt64();
}

}  // namespace dangbo::store

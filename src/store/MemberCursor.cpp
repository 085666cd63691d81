// The store's cursor over the register (forEachMemberOn: a page of members at a time in the list order) and
// the counts of the members present on a day by aggregate queries (presentCounts, countPresent).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <stdexcept>
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

namespace {
// The most of the file SQLite maps (its limit on Linux), and the pages of members read between two
// remappings.
constexpr int64_t kMapBytes = 0x7fff0000;
constexpr size_t kPagesMapped = 1;

// While the register is walked, SQLite reads the file through a memory map instead of copying each page it
// needs (the members are read in the list order, not the file's: nearly every member is a page of its own,
// 16 KB copied for a row of 300 bytes, most of the walk's time in the kernel). The pages mapped are counted
// in the process's resident memory, though they are the system's cache (the kernel maps 64 KB around each
// page read): the map is dropped and made again after each page of members, so that the walk of a register
// of a million members stays near 150 MB resident (500 MB remapped every 8 pages). The map ends with the walk
// (an I/O error on a mapped page would end the process, not raise an error: only this reading, of a file just
// checked, takes that risk).
class MappedReading {
 public:
  explicit MappedReading(SQLite::Database& db)
      : db_(db), before_(db.execAndGet("PRAGMA mmap_size").getInt64()) {
    set(kMapBytes);
  }
  ~MappedReading() {
    try {
      set(before_);
    } catch (const SQLite::Exception&) {  // the connection keeps the map until it closes
    }
  }
  MappedReading(const MappedReading&) = delete;
  MappedReading& operator=(const MappedReading&) = delete;
  /// Drops the pages mapped so far (no statement may be reading).
  void remap() {
    set(0);
    set(kMapBytes);
  }

 private:
  void set(int64_t bytes) { db_.exec("PRAGMA mmap_size = " + std::to_string(bytes)); }
  SQLite::Database& db_;
  int64_t before_;
};
}  // namespace

namespace {
// Reads the events of `page` (all of them, for the cell changes; those on or before the day kept with
// withEvents, oldest first) in one statement, and hands each member memberOn keeps to visit with its place k
// in the page.
void visitPage(SQLite::Database& db, std::vector<SnapshotMember>& page, const MemberQueryOptions& opt,
               const std::string& needle, const MemberSearch& names,
               const std::function<void(MemberOnDate&&, size_t)>& visit) {
  const std::string asOf = opt.asOf.iso();
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
      visit(std::move(*r), k);
    }
}
}  // namespace

void forEachMemberOn(Database& database, const MemberQueryOptions& opt, size_t pageRows,
                     const std::function<void(MemberOnDate&&)>& visit, size_t limit) {
  auto& db = database.db();
  const MemberSearch names = listNames(database);
  const std::string needle = core::fold(core::normalizeText(opt.search));
  SQLite::Statement first(db,
                          memberColumns(true) + " INDEXED BY members_order ORDER BY sort_key, code LIMIT ?1");
  SQLite::Statement next(db,
                         memberColumns(true) +
                             " INDEXED BY members_order WHERE (sort_key, code) > (?2, ?3) ORDER BY sort_key, "
                             "code LIMIT ?1");
  std::string lastKey, lastCode;
  std::vector<SnapshotMember> page;
  MappedReading mapped(db);
  size_t pages = 0, visited = 0;
  for (bool more = true; more; ++pages) {
    if (pages > 0 && pages % kPagesMapped == 0) mapped.remap();
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
    visitPage(db, page, opt, needle, names, [&](MemberOnDate&& r, size_t) {
      if (limit == 0 || visited < limit) visit(std::move(r));
      ++visited;
    });
    if (limit > 0 && visited >= limit) break;
  }
}

void forEachMemberSampleOn(Database& database, const MemberQueryOptions& opt, size_t every,
                           const std::function<void(MemberOnDate&&, size_t)>& visit) {
  if (opt.includeDeparted || opt.ids || !opt.search.empty())
    throw std::logic_error("forEachMemberSampleOn: only the members present on a day");
  auto& db = database.db();
  every = std::max<size_t>(1, every);
  // The members present on the day (of the cell), by id.
  std::vector<bool> present;
  SQLite::Statement p(db, "SELECT m.id FROM members m WHERE " + rule::kPresentOn +
                              (opt.cellId ? " AND " + rule::kCellOnDay + " = ?2" : std::string()));
  p.bind(1, opt.asOf.iso());
  if (opt.cellId) p.bind(2, *opt.cellId);
  while (p.executeStep()) {
    const auto id = size_t(p.getColumn(0).getInt64());
    if (id >= present.size()) present.resize(id + 1, false);
    present[id] = true;
  }
  // Their places in the list order, from the index alone; every `every`-th kept.
  std::vector<std::pair<core::Id, size_t>> sampled;
  SQLite::Statement order(db, "SELECT id FROM members INDEXED BY members_order ORDER BY sort_key, code");
  size_t n = 0;
  while (order.executeStep()) {
    const auto id = order.getColumn(0).getInt64();
    if (size_t(id) < present.size() && present[size_t(id)] && n++ % every == 0) sampled.emplace_back(id, n);
  }
  // Those members, a page at a time, with their events.
  const MemberSearch names = listNames(database);
  constexpr size_t kPage = 1000;
  std::string unused;
  for (size_t from = 0; from < sampled.size(); from += kPage) {
    const size_t to = std::min(sampled.size(), from + kPage);
    std::string ids;
    std::unordered_map<core::Id, size_t> slot;
    for (size_t k = from; k < to; ++k) {
      ids += (k > from ? "," : "") + std::to_string(sampled[k].first);
      slot.emplace(sampled[k].first, k - from);
    }
    std::vector<SnapshotMember> page(to - from);
    SQLite::Statement q(db, memberColumns(true) + " WHERE id IN (" + ids + ")");
    while (q.executeStep()) {
      SnapshotMember m = readMember(q, unused);
      page[slot.at(m.member.id)] = std::move(m);
    }
    visitPage(db, page, opt, "", names,
              [&](MemberOnDate&& r, size_t k) { visit(std::move(r), sampled[from + k].second); });
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

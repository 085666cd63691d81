#include "store/MemberQuery.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <set>
#include <unordered_map>

#include "core/VietText.h"
#include "store/DomainRules.h"
#include "store/MemberListOrder.h"
#include "store/MemberRows.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace rows {

std::string str(const SQLite::Column& c) {
  return c.isNull() ? std::string() : c.getString();
}

// Dates of the ISO form YYYY-MM-DD are read directly (Date::parse accepts more forms and is slower);
// anything else goes through sql::date.
std::optional<core::Date> fastDate(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  const char* p = c.getText();
  if (c.getBytes() == 10 && p[4] == '-' && p[7] == '-') {
    auto digits = [&](int from, int n) {
      int v = 0;
      for (int k = from; k < from + n; ++k) {
        if (p[k] < '0' || p[k] > '9') return -1;
        v = v * 10 + (p[k] - '0');
      }
      return v;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return core::Date::make(y, m, d);
  }
  return sql::date(c);
}

bool endsMembership(const std::string& status) {
  return status == "transferred_out" || status == "deceased" || status == "removed" || status == "expelled" ||
         status == "left";
}

}  // namespace rows
using namespace rows;

namespace rows {

// The member columns of the snapshot, ending with search_key and sort_key; without full files the long text
// columns lists do not show are not read (left empty).
std::string memberColumns(bool fullFiles) {
  auto text = [&](const char* column) { return std::string(fullFiles ? column : "''"); };
  auto nullable = [&](const char* column) { return std::string(fullFiles ? column : "NULL"); };
  return "SELECT id, code, full_name, " + text("birth_name") + ", gender, birth_date, " +
         text("birth_place") + ", " + text("hometown") + ", " + text("residence") + ", ethnicity, " +
         text("religion") + ", " + text("cccd") + ", " + text("phone") + ", " + text("education") + ", " +
         text("qualification") + ", theory, " + text("occupation") + ", admitted_on, " +
         nullable("ceremony_on") + ", official_on, card_no, " + text("file_no") + ", transferred_in_on, " +
         text("transferred_in_from") + ", cell_id, status, status_since, " + nullable("candidate_id") +
         ", search_key, sort_key FROM members";
}

// The member of the current row of a memberColumns statement; its sort key into `sortKey`.
SnapshotMember readMember(SQLite::Statement& q, std::string& sortKey) {
  SnapshotMember r;
  core::Member& m = r.member;
  int i = 0;
  m.id = q.getColumn(i++).getInt64();
  m.code = str(q.getColumn(i++));
  m.fullName = str(q.getColumn(i++));
  m.birthName = str(q.getColumn(i++));
  m.gender = str(q.getColumn(i++));
  m.birthDate = sql::partial(q.getColumn(i++));
  m.birthPlace = str(q.getColumn(i++));
  m.hometown = str(q.getColumn(i++));
  m.residence = str(q.getColumn(i++));
  m.ethnicity = str(q.getColumn(i++));
  m.religion = str(q.getColumn(i++));
  m.cccd = str(q.getColumn(i++));
  m.phone = str(q.getColumn(i++));
  m.education = str(q.getColumn(i++));
  m.qualification = str(q.getColumn(i++));
  m.theory = str(q.getColumn(i++));
  m.occupation = str(q.getColumn(i++));
  m.admittedOn = fastDate(q.getColumn(i++));
  m.ceremonyOn = fastDate(q.getColumn(i++));
  m.officialOn = fastDate(q.getColumn(i++));
  m.cardNo = str(q.getColumn(i++));
  m.fileNo = str(q.getColumn(i++));
  m.transferredInOn = fastDate(q.getColumn(i++));
  m.transferredInFrom = str(q.getColumn(i++));
  m.cellId = q.getColumn(i++).getInt64();
  m.status = str(q.getColumn(i++));
  m.statusSince = fastDate(q.getColumn(i++));
  m.candidateId = sql::optId(q.getColumn(i++));
  r.searchKey = str(q.getColumn(i++));
  const SQLite::Column key = q.getColumn(i++);
  sortKey.assign(static_cast<const char*>(key.getBlob()), static_cast<size_t>(key.getBytes()));
  return r;
}

}  // namespace rows

namespace {
// The members of a list snapshot: all (no cell), or those who ever belonged to the cell (?1): its current
// members and those with an event leaving or joining it.
std::string listSnapshotWhere(std::optional<core::Id> cell) {
  return cell ? " WHERE cell_id = ?1 OR id IN (SELECT member_id FROM member_events WHERE to_cell = ?1 UNION "
                "SELECT member_id FROM member_events WHERE from_cell = ?1)"
              : "";
}
}  // namespace

namespace {
// The snapshot of the members `where` selects (" WHERE ..." or ""), its parameter ?1 bound by `bindCell`.
MemberSnapshot loadMemberSnapshotWhere(Database& database, bool fullFiles, const std::string& where,
                                       const std::function<void(SQLite::Statement&)>& bindCell);
}  // namespace

MemberSnapshot loadMemberSnapshot(Database& database, bool fullFiles, std::optional<core::Id> everInCell) {
  return loadMemberSnapshotWhere(database, fullFiles, listSnapshotWhere(everInCell),
                                 [&](SQLite::Statement& q) {
                                   if (everInCell) q.bind(1, static_cast<int64_t>(*everInCell));
                                 });
}

namespace {
MemberSnapshot loadMemberSnapshotWhere(Database& database, bool fullFiles, const std::string& where,
                                       const std::function<void(SQLite::Statement&)>& bindCell) {
  auto& db = database.db();
  MemberSnapshot snap;
  SQLite::Statement q(db, memberColumns(fullFiles) + where);
  bindCell(q);
  std::vector<SnapshotMember> rows;
  std::string sortKey;
  ListOrderKeys keys;
  SQLite::Statement counted(db, "SELECT count(*) FROM members" + where);
  bindCell(counted);
  counted.executeStep();
  const auto count = counted.getColumn(0).getInt64();
  rows.reserve(static_cast<size_t>(count));
  keys.reserve(static_cast<size_t>(count));
  while (q.executeStep()) {
    rows.push_back(readMember(q, sortKey));
    keys.add(sortKey.data(), sortKey.size(), rows.back().member.code);
  }
  // The Vietnamese order (sort_key compares bytewise as std::string does), then the code.
  const std::vector<uint32_t> order = keys.order();
  keys = ListOrderKeys();
  std::unordered_map<core::Id, size_t> index;
  index.reserve(rows.size());
  snap.members.reserve(rows.size());
  snap.joinedDay.reserve(rows.size());
  snap.endDay.reserve(rows.size());
  snap.keyStart.reserve(rows.size());
  for (size_t k : order) {
    const core::Member& m = rows[k].member;
    const auto& joined = m.transferredInOn ? m.transferredInOn : m.admittedOn;
    snap.joinedDay.push_back(joined ? static_cast<int32_t>(joined->serial()) : INT32_MAX);
    snap.endDay.push_back(!endsMembership(m.status) ? INT32_MAX
                          : m.statusSince           ? static_cast<int32_t>(m.statusSince->serial())
                                                    : INT32_MIN);
    snap.keyStart.push_back(static_cast<uint32_t>(snap.keys.size()));
    snap.keys += rows[k].searchKey;
    snap.keys += '\n';
    index.emplace(m.id, snap.members.size());
    snap.members.push_back(std::move(rows[k]));
  }
  // Their cell changes: every member's, or through the index of member events those of the cell's members.
  SQLite::Statement e(db,
                      std::string("SELECT member_id, date, from_cell, to_cell FROM member_events WHERE ") +
                          (where.empty() ? "" : "member_id IN (SELECT id FROM members" + where + ") AND ") +
                          "(from_cell IS NOT NULL OR to_cell IS NOT NULL) ORDER BY member_id, date, id");
  bindCell(e);
  while (e.executeStep()) {
    auto it = index.find(e.getColumn(0).getInt64());
    if (it == index.end()) continue;
    snap.members[it->second].cellChanges.push_back({fastDate(e.getColumn(1)).value_or(core::Date()),
                                                    sql::optId(e.getColumn(2)), sql::optId(e.getColumn(3))});
  }
  SQLite::Statement o(db, "SELECT id, code, name, category, origin FROM organizations");
  while (o.executeStep())
    snap.cells.emplace(o.getColumn(0).getInt64(), CellInfo{str(o.getColumn(1)), str(o.getColumn(2)),
                                                           str(o.getColumn(3)), str(o.getColumn(4))});
  SQLite::Statement g(db, "SELECT code, name FROM ethnic_groups");
  while (g.executeStep()) snap.ethnicNames.emplace(str(g.getColumn(0)), str(g.getColumn(1)));
  return snap;
}
}  // namespace

namespace {

// The cell on `day` from a member's cell changes [first, last) (oldest first), as cellOn judges it.
core::Id cellFrom(const CellChange* first, const CellChange* last, core::Id current, const core::Date& day) {
  std::optional<core::Id> cell;
  for (const CellChange* c = first; c != last; ++c) {
    if (c->date > day) {
      if (!cell) {
        for (const CellChange* later = c; later != last; ++later)
          if (later->date > day && later->fromCell) return *later->fromCell;
      }
      break;
    }
    if (c->toCell) cell = c->toCell;
  }
  return cell ? *cell : current;
}

// The cell on a day from cell changes seen in any order: the to_cell of the latest (by date, then event id)
// change on or before the day; else the from_cell of the earliest later change that has one; else the
// current cell. The same answer as cellFrom over the changes in (date, id) order.
struct CellTracker {
  int32_t toDay = 0, fromDay = 0;
  int64_t toId = 0, fromId = 0;
  std::optional<core::Id> toCell, fromCell;
  void see(int32_t day, int32_t eventDay, int64_t id, std::optional<core::Id> from,
           std::optional<core::Id> to) {
    if (eventDay <= day) {
      if (to && (!toCell || eventDay > toDay || (eventDay == toDay && id > toId))) {
        toDay = eventDay;
        toId = id;
        toCell = to;
      }
    } else if (from && (!fromCell || eventDay < fromDay || (eventDay == fromDay && id < fromId))) {
      fromDay = eventDay;
      fromId = id;
      fromCell = from;
    }
  }
  core::Id cell(core::Id current) const { return toCell ? *toCell : fromCell ? *fromCell : current; }
};

// Positions of member ids: a dense table when the ids are (as usual) about as many as the members.
class IdIndex {
 public:
  IdIndex(int64_t maxId, size_t count) {
    if (maxId >= 0 && static_cast<uint64_t>(maxId) <= 8 * count + 1024) dense_.assign(size_t(maxId) + 1, -1);
  }
  void add(core::Id id, size_t pos) {
    if (id >= 0 && static_cast<size_t>(id) < dense_.size())
      dense_[size_t(id)] = static_cast<int32_t>(pos);
    else
      sparse_.emplace(id, pos);
  }
  // -1 when unknown.
  int64_t find(core::Id id) const {
    if (id >= 0 && static_cast<size_t>(id) < dense_.size() && dense_[size_t(id)] >= 0)
      return dense_[size_t(id)];
    if (sparse_.empty()) return -1;
    auto it = sparse_.find(id);
    return it == sparse_.end() ? -1 : static_cast<int64_t>(it->second);
  }

 private:
  std::vector<int32_t> dense_;
  std::unordered_map<core::Id, size_t> sparse_;
};

}  // namespace
namespace rows {
// Every organization's names, or with `ids` (a JSON array) only those organizations'; every ethnic group's.
void readNames(SQLite::Database& db, MemberSearch& out, const std::optional<std::string>& ids) {
  SQLite::Statement o(db, std::string("SELECT id, code, name, category, origin FROM organizations") +
                              (ids ? " WHERE id IN (SELECT value FROM json_each(?1))" : ""));
  if (ids) o.bind(1, *ids);
  while (o.executeStep())
    out.cells.emplace(o.getColumn(0).getInt64(), CellInfo{str(o.getColumn(1)), str(o.getColumn(2)),
                                                          str(o.getColumn(3)), str(o.getColumn(4))});
  SQLite::Statement g(db, "SELECT code, name FROM ethnic_groups");
  while (g.executeStep()) out.ethnicNames.emplace(str(g.getColumn(0)), str(g.getColumn(1)));
}
}  // namespace rows
namespace {

// Puts rows in the order of `order` (position k receives rows[order[k]]) in place, following each cycle
// of the permutation (no second copy of a large result).
template <class Row>
void permute(std::vector<Row>& rows, std::vector<uint32_t>& order) {
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Row held = std::move(rows[start]);
    size_t k = start;
    while (order[k] != start) {
      const size_t from = order[k];
      rows[k] = std::move(rows[from]);
      order[k] = uint32_t(k);
      k = from;
    }
    rows[k] = std::move(held);
    order[k] = uint32_t(k);
  }
}

}  // namespace

namespace rows {
// Columns 0..13 of the list queries (id, code, full_name, gender, birth_date, ethnicity, theory,
// admitted_on, official_on, card_no, transferred_in_on, cell_id, status, status_since), shared by the
// snapshot and the search path.
void readListColumns(SQLite::Statement& q, ListEntry& m) {
  m.id = q.getColumn(0).getInt64();
  m.code = str(q.getColumn(1));
  m.fullName = str(q.getColumn(2));
  m.gender = str(q.getColumn(3));
  m.birthDate = sql::partial(q.getColumn(4));
  m.ethnicity = str(q.getColumn(5));
  m.theory = str(q.getColumn(6));
  m.admittedOn = fastDate(q.getColumn(7));
  m.officialOn = fastDate(q.getColumn(8));
  m.cardNo = str(q.getColumn(9));
  m.transferredInOn = fastDate(q.getColumn(10));
  m.cellId = q.getColumn(11).getInt64();
  m.status = str(q.getColumn(12));
  m.statusSince = fastDate(q.getColumn(13));
}
}  // namespace rows

namespace {

int32_t daySerial(const std::optional<core::Date>& d) {
  return static_cast<int32_t>(d.value_or(core::Date()).serial());
}

}  // namespace

namespace rows {
// Sets the cellOnDay of `members` from their cell-changing events, taken in any order (maxId: the largest
// member id of the file).
void setCellsOnDay(SQLite::Database& db, const core::Date& day, std::vector<ListedMember>& members,
                   int64_t maxId) {
  const auto d = static_cast<int32_t>(day.serial());
  // The cell on the day, from the cell-changing events of the members found, taken in any order.
  IdIndex index(maxId, members.size());
  for (size_t k = 0; k < members.size(); ++k) index.add(members[k].id, k);
  std::vector<CellTracker> track(members.size());
  auto see = [&](SQLite::Statement& e) {
    const int64_t k = index.find(e.getColumn(0).getInt64());
    if (k < 0) return;
    track[size_t(k)].see(d, daySerial(fastDate(e.getColumn(1))), e.getColumn(4).getInt64(),
                         sql::optId(e.getColumn(2)), sql::optId(e.getColumn(3)));
  };
  if (members.size() * 8 < static_cast<size_t>(maxId)) {
    // Few members found: their events through the index on member_id, 100 members a statement, in the
    // order of their ids, so that each page of the index is read once (in the list order, tens of
    // thousands of members sent the lookups all over the index: 64 ms for 23.000 at a million members).
    std::vector<int64_t> ids;
    ids.reserve(members.size());
    for (const auto& m : members) ids.push_back(m.id);
    std::sort(ids.begin(), ids.end());
    constexpr size_t kBatch = 100;
    std::string marks;
    for (size_t i = 0; i < kBatch; ++i) marks += i ? ", ?" : "?";
    SQLite::Statement e(
        db, "SELECT member_id, date, from_cell, to_cell, id FROM member_events WHERE member_id IN (" + marks +
                ") AND (from_cell IS NOT NULL OR to_cell IS NOT NULL)");
    for (size_t from = 0; from < ids.size(); from += kBatch) {
      e.reset();
      for (size_t i = 0; i < kBatch; ++i)
        e.bind(int(i + 1), ids[std::min(from + i, ids.size() - 1)]);  // repeats the last id to fill up
      while (e.executeStep()) see(e);
    }
  } else {
    // Many: one pass over the events.
    SQLite::Statement e(db,
                        "SELECT member_id, date, from_cell, to_cell, id FROM member_events "
                        "WHERE from_cell IS NOT NULL OR to_cell IS NOT NULL");
    while (e.executeStep()) see(e);
  }
  for (size_t k = 0; k < members.size(); ++k) members[k].cellOnDay = track[k].cell(members[k].cellId);
}

// The number of characters (not bytes) of UTF-8 text.
size_t charCount(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `folded` as one FTS5 phrase: the trigram index then finds the keys holding it as a substring.
std::string ftsPhrase(std::string_view folded) {
  std::string out = "\"";
  for (char c : folded) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Whether the member of the current row of a kListColumns statement is present on the day serial `d`,
// judged as the snapshot judges it (joinedDay <= day < endDay).
bool presentRow(SQLite::Statement& q, int32_t d) {
  const auto admitted = fastDate(q.getColumn(7));
  const auto transferredIn = fastDate(q.getColumn(10));
  const auto& joined = transferredIn ? transferredIn : admitted;
  if (!joined || static_cast<int32_t>(joined->serial()) > d) return false;
  const SQLite::Column statusColumn = q.getColumn(12);
  const std::string status(statusColumn.getText(), static_cast<size_t>(statusColumn.getBytes()));
  const auto since = fastDate(q.getColumn(13));
  return !(endsMembership(status) && (!since || static_cast<int32_t>(since->serial()) <= d));
}
}  // namespace rows

bool searchUsesIndex(std::string_view folded) {
  return charCount(folded) >= 3;
}

bool searchIsBroad(Database& database, std::string_view folded, size_t threshold) {
  if (!searchUsesIndex(folded)) return true;
  SQLite::Statement c(
      database.db(),
      "SELECT count(*) FROM (SELECT rowid FROM member_search WHERE member_search MATCH ?1 LIMIT ?2)");
  c.bind(1, ftsPhrase(folded));
  c.bind(2, static_cast<int64_t>(threshold));
  return c.executeStep() && static_cast<size_t>(c.getColumn(0).getInt64()) >= threshold;
}

namespace {

// The names `names` asks for beside the members found.
void readNamesOf(SQLite::Database& db, MemberSearch& out, SearchNames names) {
  if (names == SearchNames::All) {
    readNames(db, out);
  } else if (names == SearchNames::OfFound) {
    // Only the cells of the members found, by key; the ethnic groups (a few dozen) all.
    std::set<core::Id> cells;
    for (const auto& m : out.members) cells.insert(m.cellOnDay);
    std::string ids = "[";
    for (core::Id id : cells) ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
    readNames(db, out, ids + "]");
  }
}

// The first `limit` members present on `day` whose key holds `folded` (three letters or more), in list order,
// read without walking far down the list: from the list order's first entries (index members_order holds
// the key: dense hits fill the page there), else from the trigram index's candidates put in the list order
// (index members_id_order) when there are not too many. Nothing when neither answers (a walk then).
std::optional<std::vector<ListedMember>> firstPageByIndex(Database& db, const core::Date& day,
                                                          std::string_view folded, size_t limit) {
  constexpr size_t kOrderedMost = 60000;  // candidates put in order (about 25 ms at 26.000)
  std::vector<ListedMember> page;
  // The rows of `ids` (in list order), a batch at a time, until the page is full.
  auto take = [&](const std::vector<core::Id>& ids) {
    for (size_t from = 0; from < ids.size() && page.size() < limit;) {
      const size_t n = std::min(ids.size() - from, std::max<size_t>(2 * (limit - page.size()), 64));
      const std::vector<core::Id> batch(ids.begin() + long(from), ids.begin() + long(from + n));
      for (auto& m : presentMembersByIds(db, day, folded, batch))
        if (page.size() < limit) page.push_back(std::move(m));
      from += n;
    }
  };
  // The list order's first entries first, as far as the hits would fill the page were they spread evenly
  // (dense hits fill it there), a few hits at a time (some are not present on the day); else, or at once
  // when the index holds few candidates, those candidates.
  std::optional<ListKey> after;
  size_t counted = SIZE_MAX;
  for (size_t budget = searchProbeEntries(db, folded, limit, &counted); budget > 0;) {
    const ListProbe probe = probeListOrder(db, folded, after, budget, limit - page.size());
    take(probe.hits);
    if (page.size() >= limit || probe.end) return page;
    budget -= std::min(budget, probe.read);
    after = probe.last;
  }
  page.clear();
  const auto candidates = searchCandidatesInOrder(db, folded, kOrderedMost, counted);
  if (!candidates) return std::nullopt;
  take(*candidates);
  return page;
}

}  // namespace

MemberSearch searchMembersOn(Database& database, const core::Date& day, std::string_view folded, size_t limit,
                             SearchNames names) {
  auto& db = database.db();
  MemberSearch out;
  if (limit > 0 && searchUsesIndex(folded))
    if (auto page = firstPageByIndex(database, day, folded, limit)) {
      out.members = std::move(*page);
      readNamesOf(db, out, names);
      return out;
    }
  const auto d = static_cast<int32_t>(day.serial());
  const std::string needle(folded);
  const bool indexed = searchUsesIndex(folded);
  // The first page of a broad search walks the list order (index members_order, which holds the key) and
  // stops at the page's end; a narrower one reads its hits from the trigram index and sorts them. A search
  // is broad when the index holds 50 times the limit in candidates (counted no further) or when it is too
  // short for the index (under three letters: nearly every name holds it).
  const bool walk = limit > 0 && searchIsBroad(database, folded, std::max<size_t>(limit * 50, 2000));
  // Candidates from the index (those holding the text's rarest pieces, candidateQuery) are checked with
  // instr(), the exact byte-wise substring test std::string::find makes on the snapshot's keys.
  const std::string sql =
      walk ? std::string(kListColumns) +
                 "INDEXED BY members_order WHERE instr(search_key, ?2) > 0 ORDER BY sort_key, code"
      : indexed ? std::string(kListColumns) +
                      "WHERE id IN (SELECT rowid FROM member_search WHERE member_search MATCH ?1) AND "
                      "instr(search_key, ?2) > 0"
                : std::string(kListColumns) + "WHERE instr(search_key, ?2) > 0";
  SQLite::Statement q(db, sql);
  if (indexed && !walk) q.bind(1, candidateQuery(database, folded).match);
  q.bind(2, needle);
  const int64_t maxId = db.execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64();
  std::vector<ListedMember> rows;
  ListOrderKeys keys;
  while (q.executeStep()) {
    if (!presentRow(q, d)) continue;
    readListColumns(q, rows.emplace_back());
    if (!walk) keys.add(q.getColumn(14), q.getColumn(1));
    if (walk && rows.size() >= limit) break;
  }
  // The list order (ListOrderKeys: the sort key bytewise, then the code).
  if (!walk) {
    std::vector<uint32_t> order = keys.order();
    permute(rows, order);
  }
  keys = ListOrderKeys();
  if (limit > 0 && rows.size() > limit) rows.resize(limit);
  out.members = std::move(rows);
  if (!out.members.empty()) setCellsOnDay(db, day, out.members, maxId);
  readNamesOf(db, out, names);
  return out;
}

namespace {

ListSnapshot loadListSnapshotOf(Database& database, std::optional<core::Id> cell,
                                bool membershipOnly = false) {
  auto& db = database.db();
  ListSnapshot snap;
  const std::string where = listSnapshotWhere(cell);
  auto bindCell = [&](SQLite::Statement& q) {
    if (cell) q.bind(1, static_cast<int64_t>(*cell));
  };
  int64_t count = 0, maxId = 0;
  {
    SQLite::Statement c(db, "SELECT count(*), max(id) FROM members" + where);
    bindCell(c);
    if (c.executeStep()) {
      count = c.getColumn(0).getInt64();
      maxId = c.getColumn(1).isNull() ? 0 : c.getColumn(1).getInt64();
    }
  }
  std::vector<ListEntry> rows;
  std::vector<std::string> searchKeys;
  ListOrderKeys keys;
  rows.reserve(static_cast<size_t>(count));
  if (!membershipOnly) keys.reserve(static_cast<size_t>(count));
  searchKeys.reserve(static_cast<size_t>(count));
  SQLite::Statement q(
      db,
      membershipOnly
          ? "SELECT id, '', '', '', NULL, '', '', admitted_on, NULL, '', transferred_in_on, cell_id, status, "
            "status_since, '', '' FROM members ORDER BY id"
          : "SELECT id, code, full_name, gender, birth_date, ethnicity, theory, admitted_on, official_on, "
            "card_no, transferred_in_on, cell_id, status, status_since, search_key, sort_key FROM members" +
                where);
  bindCell(q);
  while (q.executeStep()) {
    readListColumns(q, rows.emplace_back());
    searchKeys.push_back(str(q.getColumn(14)));
    if (!membershipOnly) keys.add(q.getColumn(15), q.getColumn(1));
  }
  std::vector<uint32_t> order(rows.size());  // membership only: in id order
  if (membershipOnly)
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  else
    order = keys.order();
  keys = ListOrderKeys();
  const size_t n = rows.size();
  snap.joinedDay.reserve(n);
  snap.endDay.reserve(n);
  snap.keyStart.reserve(n);
  for (uint32_t k : order) {
    const ListEntry& m = rows[k];
    const auto& joined = m.transferredInOn ? m.transferredInOn : m.admittedOn;
    snap.joinedDay.push_back(joined ? static_cast<int32_t>(joined->serial()) : INT32_MAX);
    snap.endDay.push_back(!endsMembership(m.status) ? INT32_MAX
                          : m.statusSince           ? static_cast<int32_t>(m.statusSince->serial())
                                                    : INT32_MIN);
    snap.keyStart.push_back(static_cast<uint32_t>(snap.keys.size()));
    snap.keys += searchKeys[k];
    snap.keys += '\n';
  }
  std::vector<std::string>().swap(searchKeys);
  permute(rows, order);
  snap.members = std::move(rows);

  // The cell changes, read in rowid order, grouped by member (counting sort), then put in date order.
  IdIndex index(maxId, n);
  for (size_t k = 0; k < n; ++k) index.add(snap.members[k].id, k);
  struct Raw {
    uint32_t member;
    CellChange change;
  };
  std::vector<Raw> raw;
  // One cell's members: their events through the member index, then in rowid order as the whole table.
  SQLite::Statement e(
      db,
      "SELECT member_id, date, from_cell, to_cell FROM member_events "
      "WHERE (from_cell IS NOT NULL OR to_cell IS NOT NULL)" +
          (cell ? " AND member_id IN (SELECT id FROM members" + where + ") ORDER BY id" : std::string()));
  bindCell(e);
  while (e.executeStep()) {
    const int64_t k = index.find(e.getColumn(0).getInt64());
    if (k < 0) continue;
    raw.push_back({static_cast<uint32_t>(k),
                   {fastDate(e.getColumn(1)).value_or(core::Date()), sql::optId(e.getColumn(2)),
                    sql::optId(e.getColumn(3))}});
  }
  snap.changeStart.assign(n + 1, 0);
  for (const Raw& r : raw) ++snap.changeStart[r.member + 1];
  for (size_t k = 0; k < n; ++k) snap.changeStart[k + 1] += snap.changeStart[k];
  snap.changes.resize(raw.size());
  {
    std::vector<uint32_t> next(snap.changeStart.begin(), snap.changeStart.end() - 1);
    for (const Raw& r : raw) snap.changes[next[r.member]++] = r.change;  // rowid (= event id) order kept
  }
  std::vector<Raw>().swap(raw);
  for (size_t k = 0; k < n; ++k)
    if (snap.changeStart[k + 1] - snap.changeStart[k] > 1)
      std::stable_sort(snap.changes.begin() + snap.changeStart[k],
                       snap.changes.begin() + snap.changeStart[k + 1],
                       [](const CellChange& a, const CellChange& b) { return a.date < b.date; });

  SQLite::Statement o(db, "SELECT id, code, name, category, origin FROM organizations");
  while (o.executeStep())
    snap.cells.emplace(o.getColumn(0).getInt64(), CellInfo{str(o.getColumn(1)), str(o.getColumn(2)),
                                                           str(o.getColumn(3)), str(o.getColumn(4))});
  SQLite::Statement g(db, "SELECT code, name FROM ethnic_groups");
  while (g.executeStep()) snap.ethnicNames.emplace(str(g.getColumn(0)), str(g.getColumn(1)));
  return snap;
}
}  // namespace

ListSnapshot loadListSnapshot(Database& database) {
  return loadListSnapshotOf(database, std::nullopt);
}

ListSnapshot loadListSnapshot(Database& database, core::Id everInCell) {
  return loadListSnapshotOf(database, everInCell);
}

ListSnapshot loadMembershipSnapshot(Database& database) {
  return loadListSnapshotOf(database, std::nullopt, true);
}

DataStamp dataStamp(Database& database) {
  static std::atomic<int64_t> nextToken{1};
  auto& db = database.db();
  DataStamp st;
  db.exec("CREATE TEMP TABLE IF NOT EXISTS member_cache_token (token INTEGER NOT NULL)");
  SQLite::Statement q(db, "SELECT token FROM temp.member_cache_token");
  if (q.executeStep()) {
    st.connection = q.getColumn(0).getInt64();
  } else {
    st.connection = nextToken++;
    SQLite::Statement ins(db, "INSERT INTO temp.member_cache_token (token) VALUES (?)");
    ins.bind(1, static_cast<int64_t>(st.connection));
    ins.exec();
  }
  st.changes = sqlite3_total_changes64(db.getHandle());
  st.version = db.execAndGet("PRAGMA data_version").getInt64();
  return st;
}

bool joinedBy(const core::Member& m, const core::Date& day) {
  const auto& joined = m.transferredInOn ? m.transferredInOn : m.admittedOn;
  return joined && *joined <= day;
}

bool presentOn(const core::Member& m, const core::Date& day) {
  if (!joinedBy(m, day)) return false;
  return !(endsMembership(m.status) && (!m.statusSince || *m.statusSince <= day));
}

bool exemptOn(const core::Member& m, const core::Date& day) {
  return m.status == "exempt" && (!m.statusSince || *m.statusSince <= day);
}

core::Id cellOn(const SnapshotMember& m, const core::Date& day) {
  // Before any known arrival: the cell the first later change left.
  return cellFrom(m.cellChanges.data(), m.cellChanges.data() + m.cellChanges.size(), m.member.cellId, day);
}

core::Id cellOn(const ListSnapshot& s, size_t i, const core::Date& day) {
  const CellChange* base = s.changes.data();
  return cellFrom(base + s.changeStart[i], base + s.changeStart[i + 1], s.members[i].cellId, day);
}

namespace rows {

// The member `sm` as membersOn lists it on opt.asOf, or nothing when it leaves the member out; `needle` is
// opt.search folded. The member's file is moved out of `sm`.
std::optional<MemberOnDate> memberOn(SnapshotMember& sm, const MemberQueryOptions& opt,
                                     const std::string& needle,
                                     const std::unordered_map<core::Id, CellInfo>& cells,
                                     const std::unordered_map<std::string, std::string>& ethnicNames) {
  if (!joinedBy(sm.member, opt.asOf)) return std::nullopt;
  const bool present = presentOn(sm.member, opt.asOf);
  if (!present && !opt.includeDeparted) return std::nullopt;
  if (!needle.empty() && sm.searchKey.find(needle) == std::string::npos) return std::nullopt;
  const core::Id cell = cellOn(sm, opt.asOf);
  if (opt.cellId && *opt.cellId != cell) return std::nullopt;
  MemberOnDate r;
  r.cellOnDate = cell;
  if (auto it = cells.find(cell); it != cells.end()) {
    r.cellCode = it->second.code;
    r.cellName = it->second.name;
    r.cellCategory = it->second.category;
  }
  if (auto it = ethnicNames.find(sm.member.ethnicity); it != ethnicNames.end()) r.ethnicityName = it->second;
  r.present = present;
  r.member = std::move(sm.member);
  return r;
}

// A member event of the current row of a statement reading (id, member_id, date, kind, from_cell, to_cell,
// place, decision_no, reason).
core::MemberEvent readEvent(SQLite::Statement& e) {
  core::MemberEvent ev;
  ev.id = e.getColumn(0).getInt64();
  ev.memberId = e.getColumn(1).getInt64();
  ev.date = sql::requiredDate(e.getColumn(2));
  ev.kind = str(e.getColumn(3));
  ev.fromCell = sql::optId(e.getColumn(4));
  ev.toCell = sql::optId(e.getColumn(5));
  ev.place = str(e.getColumn(6));
  ev.decisionNo = str(e.getColumn(7));
  ev.reason = str(e.getColumn(8));
  return ev;
}

}  // namespace rows

std::vector<MemberOnDate> membersOn(Database& database, const MemberQueryOptions& opt) {
  // Of one cell: only the members who ever belonged to it can have been in it on the day (cellOn gives the
  // current cell or one of the member's changes), read through indexes.
  // Of some members: only those, read by key.
  MemberSnapshot snap = [&] {
    if (!opt.ids) return loadMemberSnapshot(database, true, opt.cellId);
    std::string json = "[";
    for (core::Id id : *opt.ids) json += (json.size() > 1 ? "," : "") + std::to_string(id);
    json += "]";
    return loadMemberSnapshotWhere(database, true, " WHERE id IN (SELECT value FROM json_each(?1))",
                                   [&](SQLite::Statement& q) { q.bind(1, json); });
  }();
  const std::string needle = core::fold(core::normalizeText(opt.search));
  std::vector<MemberOnDate> out;
  for (auto& sm : snap.members)
    if (auto r = memberOn(sm, opt, needle, snap.cells, snap.ethnicNames)) out.push_back(std::move(*r));

  if (opt.withEvents && !out.empty()) {
    std::unordered_map<core::Id, size_t> index;
    index.reserve(out.size());
    for (size_t k = 0; k < out.size(); ++k) index.emplace(out[k].member.id, k);
    // One statement for all events of the day or before (of the members asked for, by key); those of members
    // not listed are skipped.
    std::string listed = "[";
    if (opt.ids)
      for (const auto& m : out) listed += (listed.size() > 1 ? "," : "") + std::to_string(m.member.id);
    listed += "]";
    SQLite::Statement e(database.db(),
                        std::string(kEventColumns) + "WHERE date <= ?1" +
                            (opt.ids ? " AND member_id IN (SELECT value FROM json_each(?2))" : "") +
                            " ORDER BY member_id, date, id");
    e.bind(1, opt.asOf.iso());
    if (opt.ids) e.bind(2, listed);
    while (e.executeStep()) {
      auto it = index.find(e.getColumn(1).getInt64());
      if (it == index.end()) continue;
      out[it->second].events.push_back(readEvent(e));
    }
  }
  return out;
}

}  // namespace dangbo::store

// The members list's paging along the list order (index members_order), its search candidates put in that
// order (members_id_order), and the members of given ids: what the window's pager and a first page of a
// search read, apart from the whole-register queries of MemberQuery.cpp.
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "store/MemberQuery.h"
#include "store/MemberRows.h"
#include "store/Sql.h"

namespace dangbo::store {

using namespace rows;

std::vector<ListedMember> walkListOrder(Database& database, const core::Date& day, std::string_view folded,
                                        std::optional<ListKey>& after, size_t rows, bool& done) {
  auto& db = database.db();
  const auto d = static_cast<int32_t>(day.serial());
  SQLite::Statement q(
      db, std::string(kListColumns) + "INDEXED BY members_order WHERE instr(search_key, ?1) > 0" +
              (after ? " AND (sort_key, code) > (?2, ?3)" : "") + " ORDER BY sort_key, code LIMIT ?4");
  q.bind(1, std::string(folded));
  if (after) {
    q.bind(2, after->sortKey.data(), static_cast<int>(after->sortKey.size()));
    q.bind(3, after->code);
  }
  q.bind(4, static_cast<int64_t>(rows));
  std::vector<ListedMember> out;
  size_t read = 0;
  while (q.executeStep()) {
    ++read;
    const SQLite::Column key = q.getColumn(14);
    after = ListKey{std::string(static_cast<const char*>(key.getBlob()), static_cast<size_t>(key.getBytes())),
                    str(q.getColumn(1))};
    if (presentRow(q, d)) readListColumns(q, out.emplace_back());
  }
  done = read < rows;
  if (!out.empty())
    setCellsOnDay(db, day, out, db.execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64());
  return out;
}

namespace {
// The members of `ids` that `keep` keeps (given the current row of a kListColumns statement), in the order of
// `ids`, with their cell on `day`.
template <class Keep>
std::vector<ListedMember> membersByIdsKept(Database& database, const core::Date& day,
                                           const std::vector<core::Id>& ids, Keep keep) {
  auto& db = database.db();
  std::vector<ListedMember> found;
  constexpr size_t kBatch = 64;
  std::string marks;
  for (size_t i = 0; i < kBatch; ++i) marks += i ? ", ?" : "?";
  SQLite::Statement q(db, std::string(kListColumns) + "WHERE id IN (" + marks + ")");
  for (size_t from = 0; from < ids.size(); from += kBatch) {
    q.reset();
    for (size_t i = 0; i < kBatch; ++i) q.bind(int(i + 1), ids[std::min(from + i, ids.size() - 1)]);
    while (q.executeStep())
      if (keep(q)) readListColumns(q, found.emplace_back());
  }
  std::unordered_map<core::Id, size_t> at;
  for (size_t k = 0; k < found.size(); ++k) at.emplace(found[k].id, k);
  std::vector<ListedMember> out;
  out.reserve(found.size());
  for (core::Id id : ids)
    if (auto it = at.find(id); it != at.end()) out.push_back(found[it->second]);
  if (!out.empty())
    setCellsOnDay(db, day, out, db.execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64());
  return out;
}
}  // namespace

std::vector<ListedMember> membersByIds(Database& database, const core::Date& day,
                                       const std::vector<core::Id>& ids) {
  return membersByIdsKept(database, day, ids, [](SQLite::Statement&) { return true; });
}

std::vector<ListedMember> presentMembersByIds(Database& database, const core::Date& day,
                                              std::string_view folded, const std::vector<core::Id>& ids) {
  const auto d = static_cast<int32_t>(day.serial());
  return membersByIdsKept(database, day, ids, [&](SQLite::Statement& q) {
    if (!presentRow(q, d)) return false;
    if (folded.empty()) return true;
    const SQLite::Column key = q.getColumn(15);
    return std::string_view(key.getText(), size_t(key.getBytes())).find(folded) != std::string_view::npos;
  });
}

std::optional<std::vector<core::Id>> searchCandidatesInOrder(Database& database, std::string_view folded,
                                                             size_t most) {
  if (!searchUsesIndex(folded)) return std::nullopt;
  // One term: counted first in the index alone (its list of rows read, about 1 ms for 60.000).
  if (searchIsOneTrigram(folded) && searchIsBroad(database, folded, most + 1)) return std::nullopt;
  auto& db = database.db();
  // The candidates from the trigram index, each with its place in the list order read through the narrow
  // index members_id_order (id, sort_key, code) by key, counted no further than `most`; then sorted here.
  SQLite::Statement q(db,
                      "SELECT m.id, m.sort_key, m.code FROM member_search s JOIN members m INDEXED BY "
                      "members_id_order ON m.id = s.rowid WHERE member_search MATCH ?1 LIMIT ?2");
  q.bind(1, ftsPhrase(folded));
  q.bind(2, static_cast<int64_t>(most) + 1);
  struct Candidate {
    core::Id id;
    std::string key, code;
  };
  std::vector<Candidate> found;
  while (q.executeStep()) {
    if (found.size() == most) return std::nullopt;
    const SQLite::Column key = q.getColumn(1);
    const SQLite::Column code = q.getColumn(2);
    Candidate& c = found.emplace_back();
    c.id = q.getColumn(0).getInt64();
    c.key.assign(static_cast<const char*>(key.getBlob()), size_t(key.getBytes()));
    c.code.assign(code.getText(), size_t(code.getBytes()));
  }
  // The list order: the sort key bytewise (as SQLite compares blobs), then the code.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    const int c = a.key.compare(b.key);
    return c != 0 ? c < 0 : a.code < b.code;
  });
  std::vector<core::Id> out;
  out.reserve(found.size());
  for (const auto& c : found) out.push_back(c.id);
  return out;
}

ListProbe probeListOrder(Database& database, std::string_view folded, const std::optional<ListKey>& after,
                         size_t entries, size_t hits) {
  SQLite::Statement q(
      database.db(),
      std::string("SELECT id, search_key, sort_key, code FROM members INDEXED BY members_order") +
          (after ? " WHERE (sort_key, code) > (?2, ?3)" : "") + " ORDER BY sort_key, code LIMIT ?1");
  q.bind(1, static_cast<int64_t>(entries));
  if (after) {
    q.bind(2, after->sortKey.data(), static_cast<int>(after->sortKey.size()));
    q.bind(3, after->code);
  }
  ListProbe out;
  out.last = after;
  size_t read = 0;
  while (q.executeStep()) {
    ++read;
    const SQLite::Column key = q.getColumn(1);
    const bool hit =
        std::string_view(key.getText(), size_t(key.getBytes())).find(folded) != std::string_view::npos;
    if (hit) out.hits.push_back(q.getColumn(0).getInt64());
    if (read == entries || (hit && out.hits.size() == hits)) {  // a walk goes on after the last entry read
      out.read = read;
      const SQLite::Column sortKey = q.getColumn(2);
      out.last = ListKey{std::string(static_cast<const char*>(sortKey.getBlob()), size_t(sortKey.getBytes())),
                         str(q.getColumn(3))};
      return out;
    }
  }
  out.end = true;
  out.read = read;
  return out;
}

bool searchIsOneTrigram(std::string_view folded) {
  return charCount(folded) == 3;
}

size_t fewSearchCandidates(Database& database, size_t page) {
  const int64_t maxId = database.db().execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64();
  return std::max<size_t>(1000, size_t(std::sqrt(double(page) * double(maxId))));
}

size_t listProbeEntries(Database& database) {
  const int64_t maxId = database.db().execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64();
  return std::clamp<size_t>(size_t(maxId / 10), 200, 100000);
}

MemberSearch listNames(Database& database) {
  MemberSearch out;
  readNames(database.db(), out);
  return out;
}

}  // namespace dangbo::store

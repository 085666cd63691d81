// The members list's paging along the list order (index members_order), its search candidates put in that
// order (members_id_order), and the members of given ids: what the window's pager and a first page of a
// search read, apart from the whole-register queries of MemberQuery.cpp.
#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "store/MemberListOrder.h"
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
// The rows of the trigram index that `match` finds, counted in the index alone (its lists of rows read, about
// 1 ms for 60.000), no further than `most` + 1.
size_t indexMatchesUpTo(Database& database, const std::string& match, size_t most) {
  SQLite::Statement c(
      database.db(),
      "SELECT count(*) FROM (SELECT rowid FROM member_search WHERE member_search MATCH ?1 LIMIT ?2)");
  c.bind(1, match);
  c.bind(2, static_cast<int64_t>(most) + 1);
  return c.executeStep() ? size_t(c.getColumn(0).getInt64()) : most + 1;
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

std::vector<core::Id> presentIdsByIds(Database& database, const core::Date& day, std::string_view folded,
                                      const std::vector<core::Id>& ids) {
  const auto d = static_cast<int32_t>(day.serial());
  // In the order of their ids, in one statement (each page of members read once); only the columns presentRow
  // reads (in their places of kListColumns) and the key.
  std::vector<core::Id> sorted(ids);
  std::sort(sorted.begin(), sorted.end());
  std::string json = "[";
  for (core::Id id : sorted) (json += json.size() > 1 ? "," : "") += std::to_string(id);
  json += ']';
  SQLite::Statement q(
      database.db(),
      "SELECT id, NULL, NULL, NULL, NULL, NULL, NULL, admitted_on, NULL, NULL, transferred_in_on, "
      "NULL, status, status_since, NULL, search_key FROM members WHERE id IN (SELECT value "
      "FROM json_each(?1))");
  q.bind(1, json);
  std::vector<core::Id> kept;
  while (q.executeStep()) {
    if (!presentRow(q, d)) continue;
    const SQLite::Column key = q.getColumn(15);
    if (!folded.empty() &&
        std::string_view(key.getText(), size_t(key.getBytes())).find(folded) == std::string_view::npos)
      continue;
    kept.push_back(q.getColumn(0).getInt64());
  }
  std::sort(kept.begin(), kept.end());
  std::vector<core::Id> out;
  out.reserve(kept.size());
  for (core::Id id : ids)
    if (std::binary_search(kept.begin(), kept.end(), id)) out.push_back(id);
  return out;
}

namespace rows {
void ListOrderKeys::reserve(size_t rows) {
  entries_.reserve(rows);
  bytes_.reserve(rows * 40);  // about 24 bytes of key and 9 of code a member
}

void ListOrderKeys::add(const void* key, size_t keySize, std::string_view code) {
  Entry& e = entries_.emplace_back();
  e.row = uint32_t(entries_.size() - 1);
  e.at = uint32_t(bytes_.size());
  e.keySize = uint32_t(keySize);
  e.codeSize = uint32_t(code.size());
  const auto* k = static_cast<const unsigned char*>(key);
  e.head = e.next = 0;
  for (uint32_t i = 0; i < 8; ++i) e.head = (e.head << 8) | (i < e.keySize ? k[i] : 0);
  for (uint32_t i = 8; i < 16; ++i) e.next = (e.next << 8) | (i < e.keySize ? k[i] : 0);
  bytes_.append(static_cast<const char*>(key), keySize);
  bytes_.append(code);
}

void ListOrderKeys::add(const SQLite::Column& key, const SQLite::Column& code) {
  add(key.getBlob(), size_t(key.getBytes()), std::string_view(code.getText(), size_t(code.getBytes())));
}

std::vector<uint32_t> ListOrderKeys::order() {
  // Keys that differ in their first sixteen bytes compare as those do; a shorter key is padded with zeros,
  // which never puts it after a key it precedes.
  const std::string_view all(bytes_);
  std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
    if (a.head != b.head) return a.head < b.head;
    if (a.next != b.next) return a.next < b.next;
    const int c = all.substr(a.at, a.keySize).compare(all.substr(b.at, b.keySize));
    if (c != 0) return c < 0;
    return all.substr(a.at + a.keySize, a.codeSize) < all.substr(b.at + b.keySize, b.codeSize);
  });
  std::vector<uint32_t> out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.push_back(e.row);
  return out;
}
}  // namespace rows

std::optional<std::vector<core::Id>> searchCandidatesInOrder(Database& database, std::string_view folded,
                                                             size_t most, size_t counted) {
  if (!searchUsesIndex(folded)) return std::nullopt;
  const std::string match = candidateQuery(database, folded).match;
  auto& db = database.db();
  if (counted > most && indexMatchesUpTo(database, match, most) > most) return std::nullopt;  // counted first
  // The candidates from the trigram index (its rarest pieces), each with its place in the list order read
  // through the narrow index members_id_order (id, sort_key, code) by key, counted no further than `most`;
  // then sorted here.
  SQLite::Statement q(db,
                      "SELECT m.id, m.sort_key, m.code FROM member_search s JOIN members m INDEXED BY "
                      "members_id_order ON m.id = s.rowid WHERE member_search MATCH ?1 LIMIT ?2");
  q.bind(1, match);
  q.bind(2, static_cast<int64_t>(most) + 1);
  // The candidates' keys and codes, then their list order (ListOrderKeys).
  std::vector<core::Id> ids;
  ListOrderKeys keys;
  ids.reserve(std::min<size_t>(most, 4096));
  keys.reserve(ids.capacity());
  while (q.executeStep()) {
    if (ids.size() == most) return std::nullopt;
    ids.push_back(q.getColumn(0).getInt64());
    keys.add(q.getColumn(1), q.getColumn(2));
  }
  std::vector<core::Id> out;
  out.reserve(ids.size());
  for (uint32_t k : keys.order()) out.push_back(ids[k]);
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

namespace rows {
CandidateQuery candidateQuery(Database& database, std::string_view folded) {
  // The pieces of three characters (UTF-8), each once.
  std::vector<size_t> starts;
  for (size_t i = 0; i < folded.size(); ++i)
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(folded.size());
  std::vector<std::string> pieces;
  std::vector<size_t> at;  // each piece's first place (in characters)
  for (size_t k = 0; k + 3 < starts.size(); ++k) {
    std::string piece(folded.substr(starts[k], starts[k + 3] - starts[k]));
    if (std::find(pieces.begin(), pieces.end(), piece) == pieces.end()) {
      pieces.push_back(std::move(piece));
      at.push_back(k);
    }
  }
  CandidateQuery out;
  out.match = ftsPhrase(folded);  // one piece (or too short for any): the phrase itself
  out.estimate = SIZE_MAX;
  const double maxId =
      double(database.db().execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64());
  // Each piece's rows come in id order: the id of its 64th row tells about how many it holds (exactly, under
  // 64).
  constexpr int64_t kSample = 64;
  SQLite::Statement q(database.db(),
                      "SELECT count(*), max(rowid) FROM (SELECT rowid FROM member_search WHERE member_search "
                      "MATCH ?1 LIMIT ?2)");
  std::vector<std::pair<size_t, size_t>> sized;  // (estimate, piece)
  for (size_t p = 0; p < pieces.size(); ++p) {
    q.reset();
    q.bind(1, ftsPhrase(pieces[p]));
    q.bind(2, kSample);
    size_t estimate = 0;
    if (q.executeStep()) {
      const int64_t n = q.getColumn(0).getInt64();
      const int64_t at = q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt64();
      estimate = n < kSample || at <= 0 ? size_t(n) : size_t(double(kSample) * maxId / double(at));
    }
    sized.emplace_back(estimate, p);
  }
  std::stable_sort(sized.begin(), sized.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!sized.empty()) out.estimate = sized[0].first;
  if (pieces.size() >= 2) {
    // The rarest piece AND the rarest other piece apart from it (no letter in common: overlapping pieces go
    // together, "pan" and " pa"), else the next rarest; AND a third apart from both, when the text has one
    // and it is in at most a tenth of the keys: a piece in most names costs more to read than it takes away
    // ("lo van pan": "pan" AND "o v" give its 882 hits at a million, "an " in 642.867 keys added 3 ms to each
    // reading of the candidates and none fewer).
    auto apart = [&](size_t p, size_t q) { return at[p] + 3 <= at[q] || at[q] + 3 <= at[p]; };
    const size_t first = sized[0].second;
    size_t second = sized[1].second;
    for (size_t k = 1; k < sized.size(); ++k)
      if (apart(sized[k].second, first)) {
        second = sized[k].second;
        break;
      }
    out.match = ftsPhrase(pieces[first]) + " AND " + ftsPhrase(pieces[second]);
    for (size_t k = 1; k < sized.size(); ++k) {
      const size_t p = sized[k].second;
      if (p != second && apart(p, first) && apart(p, second)) {
        if (double(sized[k].first) <= maxId / 10) out.match += " AND " + ftsPhrase(pieces[p]);
        break;
      }
    }
  }
  return out;
}
}  // namespace rows

size_t searchProbeEntries(Database& database, std::string_view folded, size_t hits, size_t* counted) {
  const size_t entries = listProbeEntries(database);
  if (!searchUsesIndex(folded)) return entries;
  const CandidateQuery query = candidateQuery(database, folded);
  const size_t few = fewSearchCandidates(database, hits);
  if (query.estimate <= few) return 0;
  // The pieces ANDed may be few where each is common ("lo van pa"): counted in the index, no further.
  if (query.match.find(" AND ") != std::string::npos) {
    const size_t n = indexMatchesUpTo(database, query.match, few);
    if (n <= few) {
      if (counted) *counted = n;
      return 0;
    }
  }
  const int64_t maxId = database.db().execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64();
  const double spread = 16.0 * double(hits) * double(maxId) / double(query.estimate);
  return std::clamp<size_t>(size_t(spread), std::min<size_t>(2000, entries), entries);
}

MemberSearch listNames(Database& database) {
  MemberSearch out;
  readNames(database.db(), out);
  return out;
}

}  // namespace dangbo::store

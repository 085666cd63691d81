#pragma once
// Reading member rows, shared by the store's member queries (MemberQuery.cpp) and its cursor over the
// register (MemberCursor.cpp) and the list order's paging (MemberListOrder.cpp); used only inside the store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/MemberQuery.h"

namespace dangbo::store::rows {

/// A text column, "" for NULL.
std::string str(const SQLite::Column& c);
/// A date column: YYYY-MM-DD read directly, any other form through sql::date.
std::optional<core::Date> fastDate(const SQLite::Column& c);
/// The member columns of the snapshot, ending with search_key and sort_key; without full files the long text
/// columns lists do not show are not read (left empty).
std::string memberColumns(bool fullFiles);
/// The member of the current row of a memberColumns statement; its sort key into `sortKey`.
SnapshotMember readMember(SQLite::Statement& q, std::string& sortKey);
/// The member `sm` as membersOn lists it on opt.asOf, or nothing when it leaves the member out; `needle` is
/// opt.search folded. The member's file is moved out of `sm`.
std::optional<MemberOnDate> memberOn(SnapshotMember& sm, const MemberQueryOptions& opt,
                                     const std::string& needle,
                                     const std::unordered_map<core::Id, CellInfo>& cells,
                                     const std::unordered_map<std::string, std::string>& ethnicNames);
/// A member event of the current row of a statement reading kEventColumns.
core::MemberEvent readEvent(SQLite::Statement& e);
/// The columns readEvent reads (id, member_id, date, kind, from_cell, to_cell, place, decision_no, reason).
inline constexpr const char* kEventColumns =
    "SELECT id, member_id, date, kind, from_cell, to_cell, place, decision_no, reason FROM member_events ";

// Shared with the list order's paging (MemberListOrder.cpp):

/// Every organization's names, or with `ids` (a JSON array) only those organizations'; every ethnic group's.
void readNames(SQLite::Database& db, MemberSearch& out, const std::optional<std::string>& ids = std::nullopt);
/// The columns of the list queries, read by readListColumns (0..13) and presentRow.
inline constexpr const char* kListColumns =
    "SELECT id, code, full_name, gender, birth_date, ethnicity, theory, admitted_on, official_on, card_no, "
    "transferred_in_on, cell_id, status, status_since, sort_key, search_key FROM members ";
/// Columns 0..13 of a kListColumns row into `m`.
void readListColumns(SQLite::Statement& q, ListEntry& m);
/// Whether the member of the current kListColumns row is present on the day serial `d`.
bool presentRow(SQLite::Statement& q, int32_t d);
/// Sets the cellOnDay of `members` from their cell-changing events (maxId: the largest member id of the
/// file).
void setCellsOnDay(SQLite::Database& db, const core::Date& day, std::vector<ListedMember>& members,
                   int64_t maxId);
/// The number of characters (not bytes) of UTF-8 text.
size_t charCount(std::string_view s);
/// `folded` as one FTS5 phrase: the trigram index then finds the keys holding it as a substring.
std::string ftsPhrase(std::string_view folded);
/// The query of the trigram index for the candidates of `folded` (three letters or more).
struct CandidateQuery {
  std::string match;  ///< the FTS5 query: the phrase of three letters, else two or three pieces ANDed
  size_t estimate =
      0;  ///< the members the index holds for the rarest piece, estimated (about an upper bound)
};
/// The pieces of three letters of `folded` (three letters or more), each looked up in the trigram index at
/// its 64th entry (its rows in id order: the id there estimates how many it holds); the query is the AND of
/// the rarest, the rarest apart from it and a third apart from both when there is one in at most a tenth of
/// the keys (a piece in most keys costs more to read than it takes away). Every member whose key holds
/// `folded` is a candidate; some candidates may not hold it in place (each is checked with the exact
/// substring test). A phrase of every piece in place costs the reading of each piece's list of rows ("van"
/// alone is in most keys: 17 ms for "lo van p" at a million members); two or three rare pieces cost 2-3 ms.
CandidateQuery candidateQuery(Database& db, std::string_view folded);

/// The list order (the sort key bytewise, as SQLite compares blobs, then the code) of rows given one after
/// the other: their keys and codes go into one buffer, and each key's first sixteen bytes, as two numbers,
/// decide most comparisons (no string per row: sorting 26.000 strings cost more than reading them).
class ListOrderKeys {
 public:
  /// Room for `rows` rows.
  void reserve(size_t rows);
  /// The next row's sort key (`keySize` bytes) and code.
  void add(const void* key, size_t keySize, std::string_view code);
  /// The next row's sort key and code from columns of the current row of a statement.
  void add(const SQLite::Column& key, const SQLite::Column& code);
  /// The rows added, by their place in the adding (from 0), in the list order (sorts what was added).
  std::vector<uint32_t> order();
  /// The rows added.
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint64_t head, next;   // the key's first and second eight bytes, big-endian (zeros after a shorter key)
    uint32_t at, keySize;  // the key in `bytes_`, its code right after it
    uint32_t codeSize;
    uint32_t row;  // its place in the adding
  };
  std::vector<Entry> entries_;
  std::string bytes_;
};

}  // namespace dangbo::store::rows

#pragma once
// Reading members for lists, the register and the integrity check: the members on a day with the
// cell they belonged to then (and their dated history), missing required fields, likely duplicates.
// Each function runs one or two statements; none issues a query per member.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// A change of cell in a member's history (an event with a from_cell or a to_cell).
struct CellChange {
  core::Date date;                   ///< the event's day
  std::optional<core::Id> fromCell;  ///< the cell left
  std::optional<core::Id> toCell;    ///< the cell joined
};

/// One member as kept in a MemberSnapshot.
struct SnapshotMember {
  core::Member member;                  ///< the file as stored; member.cellId is the current cell
  std::string searchKey;                ///< the folded name (search_key column)
  std::vector<CellChange> cellChanges;  ///< oldest first (by date, then event id)
};

/// A cell as named in lists.
struct CellInfo {
  std::string code;      ///< "CB01"
  std::string name;      ///< "Chi bộ bản Nà Ớt"
  std::string category;  ///< ban, truong, quan_su, ...
  std::string origin;    ///< the former commune the cell came from ("" when none)
};

/// Every member of any status with what is needed to judge any day, sorted in the Vietnamese name order
/// (the stored sort_key) then by code; read in five statements, none per member (member count, members,
/// cell-changing events, cells, ethnic groups). Lists filter it in memory.
struct MemberSnapshot {
  std::vector<SnapshotMember> members;  ///< in list order
  std::vector<int32_t> joinedDay;       ///< per member: serial of the day joined (INT32_MAX: unknown)
  std::vector<int32_t> endDay;     ///< per member: serial of the day membership ended (INT32_MAX: not ended;
                                   ///< INT32_MIN: ended, day unknown)
  std::string keys;                ///< every search key in list order, each followed by '\n'
  std::vector<uint32_t> keyStart;  ///< per member: offset of its key in `keys`
  std::unordered_map<core::Id, CellInfo> cells;              ///< every organization by id
  std::unordered_map<std::string, std::string> ethnicNames;  ///< ethnic group code -> name
};

/// One member as kept in a ListSnapshot: only what lists show and filter on (the field names are those of
/// core::Member); short codes stay within std::string's inline buffer.
struct ListEntry {
  core::Id id = 0;                             ///< row id
  core::Id cellId = 0;                         ///< the current cell
  std::string code;                            ///< member code
  std::string fullName;                        ///< full name
  std::string cardNo;                          ///< party card number
  std::string gender;                          ///< nam | nu
  std::string ethnicity;                       ///< ethnic group code
  std::string theory;                          ///< political theory code
  std::string status;                          ///< the file's status
  std::optional<core::PartialDate> birthDate;  ///< may be partial
  std::optional<core::Date> admittedOn;        ///< admission decision
  std::optional<core::Date> officialOn;        ///< became official
  std::optional<core::Date> transferredInOn;   ///< joined by transfer
  std::optional<core::Date> statusSince;       ///< when the status began
};

/// The compact snapshot lists filter in memory (the members page): every member of any status in the
/// Vietnamese name order (sort_key) then by code, with its cell changes; read in four statements (members,
/// cell-changing events, cells, ethnic groups), none per member.
struct ListSnapshot {
  std::vector<ListEntry> members;     ///< in list order
  std::vector<int32_t> joinedDay;     ///< per member: as in MemberSnapshot
  std::vector<int32_t> endDay;        ///< per member: as in MemberSnapshot
  std::string keys;                   ///< every search key in list order, each followed by '\n'
  std::vector<uint32_t> keyStart;     ///< per member: offset of its key in `keys`
  std::vector<CellChange> changes;    ///< every member's cell changes, member by member, oldest first
  std::vector<uint32_t> changeStart;  ///< per member (and one past the last): its first change
  std::unordered_map<core::Id, CellInfo> cells;              ///< every organization by id
  std::unordered_map<std::string, std::string> ethnicNames;  ///< ethnic group code -> name
};

/// Reads the whole compact snapshot.
ListSnapshot loadListSnapshot(Database& db);
/// The same snapshot restricted to the members who ever belonged to a cell (its current members and those
/// with an event joining or leaving it), read through indexes: work on one cell without the whole register.
/// Each member's entry, cell changes and relative order are those of the whole snapshot.
ListSnapshot loadListSnapshot(Database& db, core::Id everInCell);
/// Every member with only what membership on a day needs (id, admission, transfer in, status and its day,
/// cell and cell changes; the texts left empty, no search keys), in id order: figures over the whole
/// register.
ListSnapshot loadMembershipSnapshot(Database& db);
/// The cell of member `i` of the snapshot on `day` (as cellOn judges it).
core::Id cellOn(const ListSnapshot& s, size_t i, const core::Date& day);

/// Reads the whole snapshot, or with `everInCell` only the members who ever belonged to that cell (its
/// current members and those with an event joining or leaving it; their entries and order those of the
/// whole). Without fullFiles only the fields lists use are read (code, names' keys, gender, birth date,
/// ethnicity, theory, the membership dates, card number, cell, status); the other text fields stay empty.
MemberSnapshot loadMemberSnapshot(Database& db, bool fullFiles = true,
                                  std::optional<core::Id> everInCell = std::nullopt);
/// Calls visit(i) for each member index i, in list order, whose search key contains `folded` (already
/// folded; empty: every member) and who is present (presentOn) on `day`; stops when visit returns false.
/// The same over a ListSnapshot.
template <class Snapshot, class Visit>
void forEachPresent(const Snapshot& s, const core::Date& day, std::string_view folded, Visit visit);

/// Identifies the state of the data seen through one connection: a cached snapshot taken with an equal
/// stamp is current. `connection` is unique to the connection within the process (kept in a TEMP table,
/// so a new connection never reuses it); `changes` counts rows changed through it; `version` is PRAGMA
/// data_version, which moves when another connection commits.
struct DataStamp {
  int64_t connection = 0;  ///< per-connection token
  int64_t changes = 0;     ///< sqlite3_total_changes64
  int64_t version = 0;     ///< PRAGMA data_version
  /// Same state.
  friend bool operator==(const DataStamp&, const DataStamp&) = default;
};

/// The current stamp (creates the connection's token on first use).
DataStamp dataStamp(Database& db);

template <class Snapshot, class Visit>
void forEachPresent(const Snapshot& s, const core::Date& day, std::string_view folded, Visit visit) {
  const auto d = static_cast<int32_t>(day.serial());
  auto present = [&](size_t i) { return s.joinedDay[i] <= d && d < s.endDay[i]; };
  if (folded.empty()) {
    for (size_t i = 0; i < s.members.size(); ++i)
      if (present(i) && !visit(i)) return;
    return;
  }
  // One pass of substring search over all keys at once; each hit is mapped to its member.
  const std::string_view all(s.keys);
  size_t pos = 0;
  while ((pos = all.find(folded, pos)) != std::string_view::npos) {
    const size_t i = static_cast<size_t>(std::upper_bound(s.keyStart.begin(), s.keyStart.end(), pos) -
                                         s.keyStart.begin()) -
                     1;
    if (present(i) && !visit(i)) return;
    pos = i + 1 < s.keyStart.size() ? s.keyStart[i + 1] : all.size();
  }
}

/// One member as a list shows it: only the list's fields (the field names are those of core::Member).
struct ListedMember : ListEntry {
  core::Id cellOnDay = 0;  ///< the cell on the day searched (cellOn)
};

/// The members found by searchMembersOn, with the names lists show beside them.
struct MemberSearch {
  std::vector<ListedMember> members;                         ///< in list order
  std::unordered_map<core::Id, CellInfo> cells;              ///< every organization by id
  std::unordered_map<std::string, std::string> ethnicNames;  ///< ethnic group code -> name
};

/// The members present on `day` (as forEachPresent judges it) whose search key contains `folded` (already
/// folded, not empty), in list order, each with its cell on the day, without reading the whole register:
/// only the matching rows and their cell-changing events are read (for a one-off search such as the
/// `members --search` command, where loading a MemberSnapshot would cost more than the answer).
/// Reads the hits through the trigram index member_search when `folded` has three letters or more
/// (searchUsesIndex), so its cost follows the number of hits. With a `limit` (0: none), only the first
/// `limit` members in list order; a broad search then walks the list order and stops there.
/// `names` says which organizations' names come with them (a register of a province holds tens of thousands).
enum class SearchNames {
  All,      ///< every organization's (to find a cell by its code, or an origin, among them)
  OfFound,  ///< only those of the cells the members found belonged to on the day
  None      ///< none (the caller holds them)
};
MemberSearch searchMembersOn(Database& db, const core::Date& day, std::string_view folded, size_t limit = 0,
                             SearchNames names = SearchNames::All);
/// True when searchMembersOn finds the candidates for `folded` through the trigram index (three letters or
/// more); shorter text is looked for in every key.
bool searchUsesIndex(std::string_view folded);
/// True when `folded` is too short for the index, or the index holds at least `threshold` candidates for it
/// (counted no further): its first page is then best read walking the list order.
bool searchIsBroad(Database& db, std::string_view folded, size_t threshold);

/// True when the member is active or exempt on `day` (spec/congress-report.md): admitted (transferred
/// in, for a member who came by transfer) on or before the day and not transferred out, deceased,
/// removed, expelled or left on or before it. The file's status applies from status_since (always, when
/// that is not recorded); before it the member was active. The SQL twin is store/DomainRules kPresentOn.
bool presentOn(const core::Member& m, const core::Date& day);
/// True when the member is exempt from party activity on `day`: the file's status is exempt and began on or
/// before the day (always, when that is not recorded). The SQL twin is store/DomainRules kExemptOn.
bool exemptOn(const core::Member& m, const core::Date& day);
/// True when the member joined (admitted or transferred in) on or before `day`, whatever came later.
bool joinedBy(const core::Member& m, const core::Date& day);
/// The cell on `day`: the to_cell of the last change on or before it; else the from_cell of the first
/// later change that has one; else the current cell.
core::Id cellOn(const SnapshotMember& m, const core::Date& day);

/// Which members membersOn reads.
struct MemberQueryOptions {
  core::Date asOf;                 ///< the day the list is taken on
  std::string search;              ///< text the folded name must contain (folded here); empty: all
  std::optional<core::Id> cellId;  ///< only members who belonged to this cell on the day
  bool withEvents = false;         ///< also read each member's events dated on or before the day
  bool includeDeparted = false;    ///< also members who joined on or before the day but left on or before it
  std::optional<std::vector<core::Id>> ids{};  ///< only these members (read by key); nullopt: every member
};

/// A member as read for the register, with the cell of the day.
struct MemberOnDate {
  core::Member member;        ///< the file as stored; member.cellId is the current cell
  core::Id cellOnDate = 0;    ///< the cell the member belonged to on the day
  std::string cellCode;       ///< code of cellOnDate
  std::string cellName;       ///< name of cellOnDate
  std::string cellCategory;   ///< category of cellOnDate (ban, truong, quan_su, ...)
  std::string ethnicityName;  ///< "Thái"; empty when not recorded
  bool present = true;        ///< active or exempt on the day (false only with includeDeparted)
  std::vector<core::MemberEvent>
      events;  ///< with withEvents: events dated on or before the day, oldest first
};

/// The members present on opt.asOf (presentOn) with their cell of the day (cellOn), in the snapshot's
/// order: the Vietnamese name order, then by code. Reads a fresh snapshot, of the members who ever belonged
/// to opt.cellId when it is given (and with withEvents one more statement for the events).
std::vector<MemberOnDate> membersOn(Database& db, const MemberQueryOptions& opt);

/// The members membersOn lists, in the same order, each handed to `visit` as it is read: a page of
/// `pageRows` members at a time walking the list order (index members_order), with their events, so that
/// at most one page is held (the register of a province written without holding it). With `limit`, only
/// the first `limit` members are handed to visit, and no page after theirs is read.
void forEachMemberOn(Database& db, const MemberQueryOptions& opt, size_t pageRows,
                     const std::function<void(MemberOnDate&&)>& visit, size_t limit = 0);
/// Every `every`-th member forEachMemberOn gives (the first, the every+1-th, ...), each with its place in
/// that order (from 1), in that order, without reading the others: the members present on opt.asOf (of
/// opt.cellId on that day) are found by rule::kPresentOn and rule::kCellOnDay, their order from the index
/// members_order alone, and only the members sampled are read with their events (a sample spread over a
/// province's register, to size its columns). Only without includeDeparted, ids or a search.
void forEachMemberSampleOn(Database& db, const MemberQueryOptions& opt, size_t every,
                           const std::function<void(MemberOnDate&&, size_t)>& visit);
/// The number of members present on `day` (rule::kPresentOn, presentOn's SQL twin), of one cell on that day
/// (rule::kCellOnDay) when `cell` is given: membersOn's count without includeDeparted or a search.
int64_t countPresent(Database& db, const core::Date& day, std::optional<core::Id> cell = std::nullopt);

/// A member named in a check finding.
struct MemberRef {
  core::Id id = 0;       ///< row id
  std::string code;      ///< member code
  std::string fullName;  ///< full name
  core::Id cellId = 0;   ///< current cell
};

/// A member file lacking required fields.
struct MissingFields {
  MemberRef member;                 ///< the member
  std::vector<std::string> fields;  ///< codes: full_name, birth_date, gender, ethnicity, admitted_on, cell
};

/// Members on the register now (status active or exempt) lacking one of the clearly required fields:
/// full name, birth date (any precision), gender, ethnicity, admission date or transfer-in date, an
/// existing cell. By member code.
std::vector<MissingFields> membersMissingFields(Database& db);

/// Members of any status that are likely the same person.
struct DuplicateGroup {
  std::string kind;   ///< cccd (same citizen id) | card_no (same party card) | name_birth (same folded name
                      ///< and full birth date)
  std::string value;  ///< the shared value (for name_birth: the birth date, ISO)
  std::vector<MemberRef> members;  ///< two or more, by code
};

/// Groups of members sharing a non-empty CCCD, a non-empty party card number (spaces trimmed), or the
/// same folded full name with the same full (day-precision) birth date. Ordered by kind code, then value.
std::vector<DuplicateGroup> likelyDuplicates(Database& db);

}  // namespace dangbo::store

namespace dangbo::store {

/// A member's place in the list order: its sort_key, then its code.
struct ListKey {
  std::string sortKey;  ///< core::nameSortKey of the full name (the sort_key column)
  std::string code;     ///< member code
};

/// One step of a walk through the list order (index members_order): reads at most `rows` members after
/// `after` (none: from the first) whose search key holds `folded` (already folded; empty: every member),
/// moves `after` to the last one read, and returns those present on `day` with their cell on the day.
/// `done` is set when the list has no more. The window's list reads its members this way, a step at a time.
std::vector<ListedMember> walkListOrder(Database& db, const core::Date& day, std::string_view folded,
                                        std::optional<ListKey>& after, size_t rows, bool& done);
/// The members of `ids` (present or not) with their cell on `day`, in the order of `ids`; ids not found
/// are left out.
std::vector<ListedMember> membersByIds(Database& db, const core::Date& day, const std::vector<core::Id>& ids);
/// The members of `ids` present on `day` whose search key holds `folded` (already folded; empty: any), in
/// the order of `ids`, with their cell on `day`.
std::vector<ListedMember> presentMembersByIds(Database& db, const core::Date& day, std::string_view folded,
                                              const std::vector<core::Id>& ids);
/// The ids presentMembersByIds keeps, in the order of `ids`, read without the members' other columns nor
/// their cells (a list that only counts and places them: the rows shown are read a page at a time).
std::vector<core::Id> presentIdsByIds(Database& db, const core::Date& day, std::string_view folded,
                                      const std::vector<core::Id>& ids);
/// The candidates of the trigram index for `folded` (three letters or more; their keys hold every
/// three-letter piece of it in place), present or not, in the list order (index members_id_order), when
/// there are at most `most` of them; nothing when there are more or `folded` is too short for the index.
/// `counted`: their number when searchProbeEntries counted them (not counted again).
std::optional<std::vector<core::Id>> searchCandidatesInOrder(Database& db, std::string_view folded,
                                                             size_t most, size_t counted = SIZE_MAX);
/// What probeListOrder found.
struct ListProbe {
  std::vector<core::Id> hits;   ///< the members whose key holds the text, present or not, in list order
  std::optional<ListKey> last;  ///< the last entry read (where a walk goes on)
  bool end = false;             ///< the list has no more entries
  size_t read = 0;              ///< the entries read
};
/// Reads at most `entries` entries of the list order (index members_order, which holds the search key: no
/// member's row is read) after `after` (none: from the first) and keeps those whose key holds `folded`,
/// stopping at the `hits`-th.
ListProbe probeListOrder(Database& db, std::string_view folded, const std::optional<ListKey>& after,
                         size_t entries, size_t hits);
/// True when `folded` is a single term of the trigram index (three letters): its candidates are read from
/// the index at once, cheaply; a longer text's candidates cost the reading of each of its terms.
bool searchIsOneTrigram(std::string_view folded);
/// The candidates a search of three letters reads from the index at once, without probing the list order
/// first, for a page of `page` rows: as many as the walk would read entries to fill the page (the square root
/// of the page times the register's size), at least 1.000.
size_t fewSearchCandidates(Database& db, size_t page);
/// The entries a search probes before choosing how to find its first page: a tenth of the register, from 200
/// to 100.000 (about 10 ms of reading the index).
size_t listProbeEntries(Database& db);
/// The names lists show beside members: every organization and ethnic group (MemberSearch without members).
MemberSearch listNames(Database& db);
/// The number of members present on `day` by their cell on that day and ethnic group (code, "" unrecorded),
/// counted by one aggregate query (no member is kept).
struct PresentCounts {
  std::map<std::pair<core::Id, std::string>, int64_t>
      byCellAndEthnicity;  ///< (cell, ethnic group) -> members
};
/// See PresentCounts.
PresentCounts presentCounts(Database& db, const core::Date& day);

}  // namespace dangbo::store

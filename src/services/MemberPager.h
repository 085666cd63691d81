#pragma once
// The window's member list read from the database a page at a time: only the ids of the members the
// filter keeps are held (in list order), never the register; the rows shown are read a page at a time.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "services/Actor.h"
#include "services/MemberList.h"

namespace dangbo::services {

class Services;

/// A column the member list can be sorted by (the window's list columns).
enum class MemberSortColumn { Name, Code, Cell, Gender, BirthDate, Ethnicity, Admitted, Official, Status };
/// The order of a MemberPager: by a column, either way; members equal there keep the Vietnamese name order
/// (reversed with the rest when descending). Text columns sort the Vietnamese way, in the database.
struct MemberSort {
  MemberSortColumn column = MemberSortColumn::Name;  ///< the column
  bool descending = false;                           ///< Z to A, newest first
  /// The default order (listMembers' order).
  bool isDefault() const { return column == MemberSortColumn::Name && !descending; }
};

/// The members listMembers(filter) gives, in the same order (or in `sort`'s), found step by step, so that the
/// first page is there at once and the rest follows while the window is idle (advance): a list walks the
/// list order a step at a time, except a search whose hits lie far down it (few among the list's first
/// entries), which puts the search index's candidates (at most 60.000) in the list order and reads their
/// rows a step at a time.
class MemberPager {
 public:
  /// Checks the filter as listMembers does (DataError, PermissionError) and finds the first members.
  /// `cellCodes`, when not empty, keeps only members whose cell on the day is one of them (a group of cells).
  /// Another `sort` than the default reads the ids of the members found in that order from the database at
  /// once, and their rows a step at a time.
  MemberPager(Services& services, const Actor& actor, MemberFilter filter,
              std::set<std::string> cellCodes = {}, MemberSort sort = {});
  ~MemberPager();
  MemberPager(const MemberPager&) = delete;
  MemberPager& operator=(const MemberPager&) = delete;
  /// Finds more members for about `budget`; false when the list is complete.
  bool advance(std::chrono::milliseconds budget);
  /// True when every member of the list has been found.
  bool complete() const { return done_; }
  /// The members found so far.
  size_t size() const { return ids_.size(); }
  /// The row at `index` (< size()), read with its page when not held; nullptr past the end.
  const MemberRow* row(size_t index);
  /// The position of the member with row id `id` among those found so far.
  std::optional<size_t> find(core::Id id) const;

 private:
  template <class Members>
  void take(Members& members);  // keeps those the filter keeps (defined and used in the .cpp only)
  void takeIds(const std::vector<core::Id>& ids);  // those of `ids` present and found (read from the store)
  struct StoreState;  // what the store's queries carry between calls (names, the walk's position)

  Services& services_;
  MemberFilter filter_;
  std::set<std::string> cellCodes_;
  std::optional<core::Id> cellId_;
  bool empty_ = false;  // the filter keeps nobody (a secretary's other cell)
  bool plain_ = false;  // nothing but the search and the day: every member present and found is kept
  std::string needle_;
  std::unique_ptr<StoreState> st_;
  std::vector<core::Id> ids_;
  bool sorted_ = false;            // a sort other than the default
  std::vector<core::Id> ordered_;  // then: the candidates in its order
  size_t orderedAt_ = 0;           // those taken so far
  bool done_ = false;
  std::map<size_t, std::vector<MemberRow>> pages_;  // first position of a page -> its rows (a few kept)
};

/// Sorts `rows` read whole (such as the former members) by `sort` as MemberPager's database sorts (the
/// Vietnamese order of names, cells and ethnic groups; members equal there in the name order, then by code).
void sortMemberRows(std::vector<MemberRow>& rows, const MemberSort& sort);

/// The members present on a day counted by their cell on the day (by cell code) and by ethnic group (by
/// code, "" unrecorded), from aggregate queries (the window's cell tree and its list of ethnic groups). Needs
/// ReadRegister; a secretary gets only their cell.
struct PresentMemberCounts {
  std::map<std::string, int64_t> byCell;       ///< cell code -> members
  std::map<std::string, int64_t> byEthnicity;  ///< ethnic group code -> members
};
/// The full names of the members `ids` as lists show them on `day` (for the names beside other records, such
/// as a cell's leaders), read by id. Needs ReadRegister; a secretary gets only members of their cell on the
/// day.
std::map<core::Id, std::string> memberNames(Services& services, const Actor& actor,
                                            const std::vector<core::Id>& ids, const core::Date& day);
/// See PresentMemberCounts.
PresentMemberCounts presentMemberCounts(Services& services, const Actor& actor, const core::Date& day);

}  // namespace dangbo::services

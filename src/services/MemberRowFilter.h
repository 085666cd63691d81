#pragma once
// Internal to services: how a member read by the store becomes a row of a list on a filter's day, or is
// left out by the filter (shared by listMembers and MemberPager, so both keep the same rules).
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/Date.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/MemberList.h"
#include "store/MemberQuery.h"

namespace dangbo::services::detail {

/// Checks the filter's values (DataError naming an unknown one); the search and the cell are checked
/// where they are used.
void checkFilterValues(const MemberFilter& f);
/// The one cell a secretary may see (none for other readers); PermissionError when the account has none.
std::optional<core::Id> secretaryCell(const Actor& actor);
/// The cell of `f.cellCode` among `cells` (DataError when there is none); none when the code is empty.
std::optional<core::Id> filterCell(const MemberFilter& f,
                                   const std::unordered_map<core::Id, store::CellInfo>& cells);

/// The members who had the code `search` before a merge (Mã cũ, any origin, any case): a search for it lists
/// them and no one else (listMembers and MemberPager). Empty when `search` is no old code.
std::set<core::Id> oldCodeMembers(store::Database& db, const std::string& search);

/// The row of `m` (a store::ListEntry or one of its kind; passed as an rvalue it gives its strings away)
/// whose cell on the day is `cell`, or nothing when the filter leaves it out (`cellId`: the one cell
/// allowed, if any).
template <class M>
std::optional<MemberRow> rowOf(M&& m, core::Id cell, const MemberFilter& f,
                               const std::optional<core::Id>& cellId,
                               const std::unordered_map<core::Id, store::CellInfo>& cells,
                               const std::unordered_map<std::string, std::string>& ethnicNames) {
  const core::Date& day = f.asOf;
  if (!f.gender.empty() && m.gender != f.gender) return std::nullopt;
  if (!f.ethnicity.empty() && m.ethnicity != f.ethnicity) return std::nullopt;
  if (!f.theory.empty() && m.theory != f.theory) return std::nullopt;
  if (cellId && *cellId != cell) return std::nullopt;
  const auto cellInfo = cells.find(cell);
  if (!f.origin.empty() && (cellInfo == cells.end() ||
                            core::fold(cellInfo->second.origin) != core::fold(core::normalizeText(f.origin))))
    return std::nullopt;
  const bool exempt = m.status == "exempt" && (!m.statusSince || *m.statusSince <= day);
  if (!f.status.empty() && (f.status == "exempt") != exempt) return std::nullopt;
  const bool official = m.officialOn && *m.officialOn <= day;
  if (!f.standing.empty() && (f.standing == "official") != official) return std::nullopt;
  std::optional<int> age;
  if (m.birthDate) age = core::completedYears(m.birthDate->anchor(), day);
  if (!f.ageGroup.empty() && (!age || ageGroupOf(*age) != f.ageGroup)) return std::nullopt;

  MemberRow row;
  row.id = m.id;
  row.code = std::forward<M>(m).code;
  row.name = std::forward<M>(m).fullName;
  if (cellInfo != cells.end()) {
    row.cellCode = cellInfo->second.code;
    row.cellName = cellInfo->second.name;
    row.origin = cellInfo->second.origin;
  }
  row.status = exempt ? "exempt" : "active";
  if (exempt) row.exemptSince = m.statusSince;
  row.standing = official ? "official" : "probationary";
  row.gender = m.gender;
  row.birthDate = m.birthDate;
  row.age = age;
  row.ethnicity = m.ethnicity;
  if (auto it = ethnicNames.find(m.ethnicity); it != ethnicNames.end()) row.ethnicityName = it->second;
  row.theory = m.theory;
  row.admittedOn = m.admittedOn;
  row.officialOn = m.officialOn;
  row.transferredInOn = m.transferredInOn;
  row.cardNo = std::forward<M>(m).cardNo;
  return row;
}

}  // namespace dangbo::services::detail

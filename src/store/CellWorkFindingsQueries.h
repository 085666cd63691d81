#pragma once
// The aggregate queries behind `check`'s cell-work findings (services::checkCellWork): what the findings need
// of three million attendance rows, summed or filtered by SQLite, not read row by row.
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// The members marked present at each meeting held on or before `to` (of one cell, or all), by meeting id;
/// a meeting without anyone present is left out.
std::unordered_map<core::Id, int> presentByMeeting(Database& db, const core::Date& to,
                                                   std::optional<core::Id> cellId);

/// An unexcused absence: the member and the meeting's day.
struct UnexcusedAbsence {
  core::Id memberId = 0;
  core::Date on;
};
/// Every absence without reason (status vang_khong_ly_do) at the meetings of one cell or all.
std::vector<UnexcusedAbsence> unexcusedAbsences(Database& db, std::optional<core::Id> cellId);

}  // namespace dangbo::store

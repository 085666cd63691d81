#pragma once
// The member list in an order the reader chooses (a column of the window's list, either way), sorted by the
// database: text in the Vietnamese order (core::nameSortKey for names, core::textSortKey for cells and ethnic
// groups, given to SQLite as the function vi_text_key), dates and codes as stored.
#include <string_view>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// What the list is sorted by (the columns of the window's member list).
enum class MemberOrder { Name, Code, Cell, Gender, BirthDate, Ethnicity, Admitted, Official, Status };

/// The ids of the members present on `day` (rule kPresentOn) whose search key holds `folded` (already folded;
/// empty: every member), ordered by `order` on that day (the cell and the status of the day), members equal
/// there in the list order (sort_key, then code); `descending` reverses the whole order. One statement.
std::vector<core::Id> orderedMemberIds(Database& db, const core::Date& day, std::string_view folded,
                                       MemberOrder order, bool descending);

}  // namespace dangbo::store

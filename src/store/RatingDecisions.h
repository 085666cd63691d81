#pragma once
// Which ratings the committee has not decided yet (table rating_undecided): their level follows the cell's
// proposal (or the self-assessment) until the committee's decision, which is recorded as its own act.
#include <unordered_set>

#include "core/Records.h"

namespace dangbo::store {

class Database;

/// True when the rating's level was decided by the committee (not listed as undecided).
bool ratingDecided(Database& db, core::Id ratingId);
/// Marks a rating as decided (false: its level follows the proposal) - joins the caller's transaction.
void setRatingDecided(Database& db, core::Id ratingId, bool decided);
/// The undecided ratings of a year.
std::unordered_set<core::Id> undecidedRatings(Database& db, int year);

}  // namespace dangbo::store

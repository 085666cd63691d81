#pragma once
// The helpers the admission and recognition services share (Admissions.cpp, Recognition.cpp): scope checks of
// a candidate's cell, the official members of a cell on a day, and the vote's share.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "core/Rules.h"
#include "services/Actor.h"

namespace dangbo::services {
class Services;
namespace admission {

/// A whole number as the audit rows write it.
std::string num(int64_t n);

/// Refuses an account that may not read the candidates of the cell `cellId` (a secretary of another cell).
void requireRead(const Actor& actor, core::Id cellId);

/// Refuses an account that may not change the candidates of the cell `cellId`.
void requireWrite(const Actor& actor, core::Id cellId);

/// The present official members of a cell on a day, from the register's dated history.
std::vector<core::Member> officialOn(Services& s, core::Id cellId, const core::Date& day);

/// The latest date recorded in a candidate's file (a stage must not go back before it).
std::optional<core::Date> latestDate(const core::Candidate& c);

/// True when inFavour reaches the share num/den of `official` (exact, in integers).
bool reaches(int inFavour, int official, const core::Fraction& f);

}  // namespace admission
}  // namespace dangbo::services

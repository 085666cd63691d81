#pragma once
// The members counted by cell and ethnic group kept in the table member_counts (migration 0029), so that the
// window's cell tree opens without counting the register: the counts of a day read from it, the way a bulk
// load suspends its upkeep and rebuilds it, and the kept rows beside a fresh count (for the tests).
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/Date.h"
#include "store/Database.h"
#include "store/MemberQuery.h"

namespace dangbo::store {

/// The members present on `day` by their cell on that day and ethnic group: presentCounts' answer, read
/// from member_counts; only the cells whose rows hold a member with a date after `day` are counted member by
/// member (none on today's date in a register without dates ahead).
PresentCounts presentCountsKept(Database& db, const core::Date& day);

/// A row of member_counts: (settled cell, ethnic group, present for good) -> members.
using MemberCountKey = std::tuple<core::Id, std::string, int>;
/// The rows of member_counts with members (their `latest` bound aside).
std::map<MemberCountKey, int64_t> keptMemberCounts(Database& db);
/// The same rows counted afresh over the register (what a rebuild would write).
std::map<MemberCountKey, int64_t> freshMemberCounts(Database& db);
/// True when every kept row's `latest` is at least the latest date of the members it counts.
bool memberCountBoundsHold(Database& db);

/// For a bulk load inside the caller's transaction: drops the triggers that keep member_counts current and
/// returns their definitions (nothing when they are missing). Pass them to resumeMemberCounts.
std::vector<std::string> suspendMemberCounts(Database& db);
/// Counts the register afresh into member_counts and recreates the triggers suspended (none: nothing done).
void resumeMemberCounts(Database& db, const std::vector<std::string>& triggers);
/// True when `definition` is one of the triggers returned by suspendMemberCounts.
bool isMemberCountsTrigger(const std::string& definition);

}  // namespace dangbo::store

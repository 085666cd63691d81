#pragma once
// The trigram index of member names (member_search, migration 0017): its soundness, and the way a bulk load
// suspends its upkeep and rebuilds it in one pass at the end.
#include <string>
#include <vector>

#include "store/Database.h"

namespace dangbo::store {

/// True when the index member_search holds exactly the search keys of the members table (FTS5's
/// integrity-check against its content table).
bool memberSearchIndexSound(Database& db);

/// For a bulk load inside the caller's transaction: drops the triggers that keep member_search current and
/// returns their definitions (nothing when they are missing). Pass them to resumeMemberSearchIndex. When the
/// register holds members, temporary triggers keep their entries current meanwhile (a name changed by the
/// load), and only the members the load adds are indexed at the end.
std::vector<std::string> suspendMemberSearchIndex(Database& db);
/// Indexes the members added since suspendMemberSearchIndex (all of them in one pass when the register was
/// empty, in the order of their ids) and recreates the triggers suspended.
void resumeMemberSearchIndex(Database& db, const std::vector<std::string>& triggers);
/// True when `definition` is one of the triggers returned by suspendMemberSearchIndex.
bool isMemberSearchTrigger(const std::string& definition);

}  // namespace dangbo::store

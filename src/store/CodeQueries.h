#pragma once
// The codes the register already gives its members, candidates and party organizations, for the code proposed
// to a new one.
#include <string>

#include "store/Database.h"

namespace dangbo::store {

/// Whose codes: the members', the candidates' or the party organizations'.
enum class CodeTable { Members, Candidates, Organizations };

/// The code of the record added last ("" when there is none).
std::string newestCode(Database& db, CodeTable table);
/// The highest code that is `prefix` (letters only) followed by digits only: the longest, then the greatest
/// ("" when there is none).
std::string highestCode(Database& db, CodeTable table, const std::string& prefix);

}  // namespace dangbo::store
